package io.mio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.http.Json;
import io.mio.testing.MioProcess;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The container's Java runtime, rebuilt here with the Dockerfile's own jlink command and module
 * list, really runs the jar: jdeps finds nothing the list lacks, the CLI, both modes and the
 * image's HEALTHCHECK command work on it. (Docker itself cannot run on this machine.)
 */
class JlinkRuntimeIT {

  private static final Path JDK = Path.of(System.getProperty("java.home"));
  private static final Path RUNTIME = Path.of("target/jlink-runtime").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Dockerfile dockerfile;
  private static List<String> modules;

  @BeforeAll
  static void linkTheImagesRuntime() throws IOException {
    dockerfile = Dockerfile.read();
    modules = List.of(dockerfile.argDefault("JLINK_MODULES").orElseThrow().split(","));
    deleteTree(RUNTIME);

    Command.Result r = Command.of(jlinkCommand()).run();

    assertThat(r.exit()).as("jlink %s", r).isZero();
  }

  /** The jre stage's jlink line, with the module list and output directory filled in. */
  private static List<String> jlinkCommand() {
    String run = dockerfile.all("jre", "RUN").getFirst();
    List<String> command = new ArrayList<>(List.of(JDK.resolve("bin/jlink").toString()));
    for (String arg : run.substring(run.indexOf("jlink ") + 6).trim().split("\\s+")) {
      command.add(switch (arg) {
        case "\"$JLINK_MODULES\"" -> String.join(",", modules);
        case "/jre" -> RUNTIME.toString();
        default -> arg;
      });
    }
    return command;
  }

  @Test
  void moduleListCoversEverythingJdepsFindsInTheJar() {
    Command.Result r = Command.of(JDK.resolve("bin/jdeps").toString(), "--print-module-deps",
        "--ignore-missing-deps", "--multi-release", "25", MioProcess.jar().toString()).run();

    assertThat(r.exit()).as("jdeps %s", r).isZero();
    assertThat(modules).containsAll(Arrays.asList(r.stdout().strip().split(",")));
  }

  @Test
  void runtimeHoldsTheListedModulesAndNoCompiler() {
    Command.Result r = Command.of(java(), "--list-modules").run();

    assertThat(r.exit()).isZero();
    List<String> linked = r.stdout().lines().map(l -> l.replaceAll("@.*", "")).toList();
    assertThat(linked).containsAll(modules).doesNotContain("jdk.compiler", "jdk.jshell");
  }

  @Test
  void platformFeaturesTheProductUsesWorkOnTheRuntime() {
    String classpath = Path.of("target/test-classes").toAbsolutePath() + ":" + jar();
    Command.Result r = Command.of(java(), "-Djava.awt.headless=true", "-cp", classpath,
        LinkedRuntimeProbe.class.getName()).run();

    assertThat(r.exit()).as("%s", r).isZero();
    assertThat(r.stdout()).contains("mock frame 320x240").contains("probe ok:");
  }

  @Test
  void cliRunsOnTheRuntime() {
    Command.Result help = Command.of(java(), "-jar", jar(), "healthcheck", "--help").run();
    Command.Result webcam = Command.of(java(), "-jar", jar(), "config", "check").run();
    Command.Result hub = Command.of(java(), "-jar", jar(), "config", "check", "--mode",
        "management").run();

    assertThat(help.exit()).as("%s", help).isZero();
    assertThat(help.stdout()).contains("--ready").contains("--url");
    assertThat(webcam.exit()).as("%s", webcam).isZero();
    assertThat(webcam.stdout()).contains("configuration is valid for webcam");
    assertThat(hub.exit()).as("%s", hub).isZero();
    assertThat(hub.stdout()).contains("configuration is valid for management");
  }

  @Test
  void imageHealthCheckPassesAgainstARunningHubAndFailsOnceItStops() throws Exception {
    try (MioProcess hub = MioProcess.management().java(Path.of(java()))
        .env("MIO_DATA_DIR", RUNTIME.resolveSibling("jlink-hub-data").toString()).start()) {
      Command.Result healthy = healthCheck(hub.port());
      hub.stop(Duration.ofSeconds(10));
      Command.Result stopped = healthCheck(hub.port());

      assertThat(healthy.exit()).as("%s", healthy).isZero();
      assertThat(healthy.stdout()).contains("answered 200");
      assertThat(stopped.exit()).isEqualTo(1);
      assertThat(stopped.stderr()).contains("did not answer");
    }
  }

  @Test
  void webcamOnTheMockCameraServesSnapshotsOnTheRuntime() throws Exception {
    try (MioProcess webcam = MioProcess.webcam().java(Path.of(java()))
        .env("MIO_CAMERA", "mock").env("MIO_RESOLUTION", "640x480")
        .env("MIO_DATA_DIR", RUNTIME.resolveSibling("jlink-webcam-data").toString()).start()) {
      webcam.awaitReady();
      HttpResponse<byte[]> snapshot = HTTP.send(HttpRequest.newBuilder(webcam.uri("/snapshot.jpg"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(snapshot.body()));

      assertThat(snapshot.statusCode()).isEqualTo(200);
      assertThat(image.getWidth()).isEqualTo(640);
      assertThat(image.getHeight()).isEqualTo(480);
      assertThat(healthCheck(webcam.port(), "--ready").exit()).isZero();
      assertThat(webcam.logText()).doesNotContain("NoClassDefFoundError")
          .doesNotContain("ClassNotFoundException");
    }
  }

  /** The Dockerfile's HEALTHCHECK CMD, with the image's paths mapped to this build. */
  @Test
  void theWebcamImagesAotTrainingRunMakesACacheItsEntryPointStartsFrom() throws Exception {
    Path cache = RUNTIME.resolveSibling("jlink-mio.aot");
    Files.deleteIfExists(cache);
    String run = dockerfile.all("webcam", "RUN").stream().filter(r -> r.contains("aot-train"))
        .findFirst().orElseThrow();
    List<String> training = new ArrayList<>(List.of(java()));
    for (String word : JvmOptionsTest.trainingCommand(run)) {
      training.add(word.replace("/app/mio.aot", cache.toString())
          .replace("/app/mio.jar", jar()));
    }

    Command.Result trained = Command.of(training).run();

    assertThat(trained.exit()).as("%s", trained).isZero();
    assertThat(trained.stdout()).contains("aot-train: done (webcam)");
    MioProcess.Builder start = MioProcess.webcam().java(Path.of(java()))
        .env("MIO_CAMERA", "mock")
        .env("MIO_DATA_DIR", RUNTIME.resolveSibling("jlink-aot-data").toString());
    for (String option : entryPointOptions()) {
      start.jvmArg(option.replace("/app/mio.aot", cache.toString()));
    }
    try (MioProcess webcam = start.jvmArg("-XX:AOTMode=on").start()) {
      webcam.awaitReady();
      assertThat(webcam.logText()).doesNotContain("[aot]");
    }
  }

  /** The ENTRYPOINT's JVM options, between {@code java} and {@code -jar}. */
  private static List<String> entryPointOptions() {
    JsonNode exec = Json.MAPPER.readTree(dockerfile.effective("webcam", "ENTRYPOINT")
        .orElseThrow());
    List<String> words = new ArrayList<>();
    exec.forEach(w -> words.add(w.asString()));
    return words.subList(1, words.indexOf("-jar"));
  }

  private static Command.Result healthCheck(int port, String... extra) {
    String check = dockerfile.effective("webcam", "HEALTHCHECK").orElseThrow();
    JsonNode exec = Json.MAPPER.readTree(check.substring(check.indexOf("CMD ") + 4));
    List<String> command = new ArrayList<>();
    exec.forEach(a -> command.add(switch (a.asString()) {
      case "java" -> java();
      case "/app/mio.jar" -> jar();
      default -> a.asString();
    }));
    command.addAll(List.of(extra));
    return Command.of(command).env("MIO_PORT", Integer.toString(port)).run();
  }

  private static String java() {
    return RUNTIME.resolve("bin/java").toString();
  }

  private static String jar() {
    return MioProcess.jar().toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
