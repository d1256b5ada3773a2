package io.mio.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Running without Docker: the systemd units pass {@code systemd-analyze} and the install script
 * is POSIX sh that installs under a root directory, twice, without touching what the user
 * edited. systemctl itself is not exercised (it needs a booted systemd).
 */
class ServiceInstallTest {

  private static final Path INSTALL = Path.of("deploy/install.sh");
  private static final Path UNITS = Path.of("deploy/systemd");
  private static final String JAVA_HOME = System.getProperty("java.home");

  @TempDir
  Path tmp;

  @Test
  void shellScriptsAreValidPosixShell() throws IOException {
    for (Path script : scripts()) {
      Command.Result r = Command.of("sh", "-n", script.toString()).run();
      assertThat(r.exit()).as("sh -n %s: %s", script, r).isZero();
    }
  }

  @Test
  void shellScriptsPassShellcheck() throws IOException {
    assumeTrue(Command.installed("shellcheck"),
        "shellcheck is not installed; ./mio test installs it");
    List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=sh"));
    scripts().forEach(s -> command.add(s.toString()));

    Command.Result r = Command.of(command).run();

    assertThat(r.exit()).as("%s", r).isZero();
  }

  @Test
  void unitsPassSystemdAnalyzeVerifyWithoutAWarning() throws IOException {
    assumeTrue(Command.installed("systemd-analyze"), "systemd-analyze is not installed");
    Command.Result r = Command.of(withCommand("systemd-analyze", "verify")).run();

    assertThat(r.exit()).as("%s", r).isZero();
    assertThat(r.output()).as("systemd-analyze verify printed").isBlank();
  }

  @Test
  void unitsKeepSystemdsExposureScoreLow() throws IOException {
    assumeTrue(Command.installed("systemd-analyze"), "systemd-analyze is not installed");
    // 25 on systemd's 0-100 scale is 2.5, the top of its "OK" band.
    Command.Result r = Command.of(withCommand(
        "systemd-analyze", "security", "--offline=yes", "--threshold=25")).run();

    assertThat(r.exit()).as("%s", r).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"webcam", "management"})
  void unitRunsTheInstalledJarWithTheModesEnvironmentFile(String mode) throws IOException {
    List<String> unit = Files.readAllLines(UNITS.resolve("mio-" + mode + ".service"));

    assertThat(unit).contains(
        "EnvironmentFile=/etc/mio/" + mode + ".env",
        "Environment=MIO_DATA_DIR=/var/lib/mio/" + mode,
        "StateDirectory=mio/" + mode,
        "DynamicUser=yes", "Restart=on-failure", "NoNewPrivileges=yes",
        "ProtectSystem=strict", "PrivateTmp=yes", "SuccessExitStatus=143");
    assertThat(unit).anyMatch(l -> l.startsWith("ExecStart=/opt/mio/jre/bin/java ")
        && l.endsWith(" -jar /opt/mio/mio.jar " + mode));
    assertThat(unit.contains("SupplementaryGroups=video")).isEqualTo(mode.equals("webcam"));
  }

  @Test
  void installTwiceKeepsAnEditedEnvironmentFileAndChangesNothing() throws IOException {
    Path root = tmp.resolve("root");
    Path jar = Files.writeString(tmp.resolve("mio.jar"), "first build");
    assertThat(install(root, jar, "webcam", "management").exit()).isZero();
    Path env = root.resolve("etc/mio/webcam.env");
    Files.writeString(env, "MIO_CAMERA=mock\n");

    Command.Result again = install(root, jar, "webcam", "management");

    assertThat(again.exit()).as("%s", again).isZero();
    assertThat(Files.readString(env)).isEqualTo("MIO_CAMERA=mock\n");
    assertThat(again.stdout()).doesNotContain("+ install -D").doesNotContain("+ ln ")
        .contains("unchanged: " + root.resolve("opt/mio/mio.jar"));
    assertThat(Files.readSymbolicLink(root.resolve("opt/mio/jre")))
        .isEqualTo(tmp.resolve("jdk-25.0.3"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        root.resolve("etc/mio/management.env")))).isEqualTo("rw-------");
    assertThat(root.resolve("etc/systemd/system/mio-management.service")).hasSameTextualContentAs(
        UNITS.resolve("mio-management.service"));
  }

  @Test
  void installReplacesAJarThatChanged() throws IOException {
    Path root = tmp.resolve("root");
    Path jar = Files.writeString(tmp.resolve("mio.jar"), "first build");
    install(root, jar, "webcam");
    Files.writeString(jar, "second build");

    Command.Result r = install(root, jar, "webcam");

    assertThat(r.exit()).isZero();
    assertThat(root.resolve("opt/mio/mio.jar")).hasContent("second build");
  }

  @Test
  void dryRunChangesNothing() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path jar = Files.writeString(tmp.resolve("mio.jar"), "build");

    Command.Result r = Command.of("sh", INSTALL.toString(), "--dry-run", "--root", root.toString(),
        "--jar", jar.toString(), "--java-home", fakeJavaHome("25").toString(), "webcam").run();

    assertThat(r.exit()).as("%s", r).isZero();
    assertThat(r.stdout()).contains("+ install -D -m 0644 " + jar);
    try (Stream<Path> files = Files.list(root)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void installRefusesAJavaOlderThan25() throws IOException {
    Path jar = Files.writeString(tmp.resolve("mio.jar"), "build");

    Command.Result r = Command.of("sh", INSTALL.toString(), "--root", tmp.resolve("root")
        .toString(), "--jar", jar.toString(), "--java-home", fakeJavaHome("17.0.15").toString(),
        "webcam").run();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stderr()).contains("is not Java 25 or newer");
  }

  /** A stand-in JDK whose java only reports its version, as install.sh asks. */
  private Path fakeJavaHome(String version) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("jdk-" + version + "/bin"));
    Path java = Files.writeString(bin.resolve("java"),
        "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2026-04-21 LTS' >&2\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    return bin.getParent();
  }

  private Command.Result install(Path root, Path jar, String... modes) throws IOException {
    List<String> command = new ArrayList<>(List.of("sh", INSTALL.toString(), "--root",
        root.toString(), "--jar", jar.toString(), "--java-home",
        fakeJavaHome("25.0.3").toString()));
    command.addAll(List.of(modes));
    return Command.of(command).run();
  }

  private static List<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("deploy"))) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".sh")).toList();
      assertThat(found).contains(INSTALL);
      return found;
    }
  }

  /**
   * The unit files, copied with ExecStart's java pointed at the JDK running the test: systemd
   * checks that the program exists, and /opt/mio/jre exists only where install.sh ran.
   */
  private List<String> withCommand(String... command) throws IOException {
    List<String> args = new ArrayList<>(List.of(command));
    for (String mode : List.of("webcam", "management")) {
      String unit = Files.readString(UNITS.resolve("mio-" + mode + ".service"))
          .replace("/opt/mio/jre/bin/java", JAVA_HOME + "/bin/java");
      args.add(Files.writeString(tmp.resolve("mio-" + mode + ".service"), unit).toString());
    }
    return args;
  }
}
