package io.mio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options measured in docs/PERFORMANCE.md are the ones every deployment runs with: the
 * image's entry point, both systemd units and the benchmark script, and the JVM accepts them.
 */
class JvmOptionsTest {

  private static final Pattern BENCH_DEFAULT =
      Pattern.compile("MIO_JAVA_OPTS=\"\\$\\{MIO_JAVA_OPTS:-([^}]*)}\"");

  @Test
  void imageUnitsAndBenchmarkUseTheSameOptions() throws IOException {
    List<String> image = imageOptions();
    assertThat(image).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m");

    for (String mode : List.of("webcam", "management")) {
      assertThat(unitOptions(mode)).as("mio-%s.service", mode).isEqualTo(image);
    }
    List<String> bench = new ArrayList<>(image);
    bench.remove("-XX:+ExitOnOutOfMemoryError"); // a benchmark run should show the error
    assertThat(benchOptions()).as("bench/run.sh").isEqualTo(bench);
  }

  @Test
  void theJvmAcceptsThem() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(imageOptions());
    cmd.add("-version");

    Command.Result r = Command.of(cmd).run();

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).doesNotContain("warning", "Unrecognized");
  }

  private static List<String> imageOptions() throws IOException {
    String entry = Dockerfile.read().effective("webcam", "ENTRYPOINT").orElseThrow();
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(entry);
    while (m.find()) {
      words.add(m.group(1));
    }
    return words.subList(words.indexOf("java") + 1, words.indexOf("-jar"));
  }

  private static List<String> unitOptions(String mode) throws IOException {
    String exec = Files.readAllLines(Path.of("deploy/systemd/mio-" + mode + ".service")).stream()
        .filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
    List<String> words = Arrays.asList(exec.split(" "));
    return words.subList(1, words.indexOf("-jar"));
  }

  private static List<String> benchOptions() throws IOException {
    Matcher m = BENCH_DEFAULT.matcher(Files.readString(Path.of("bench/run.sh")));
    assertThat(m.find()).as("bench/run.sh sets a default MIO_JAVA_OPTS").isTrue();
    return Arrays.asList(m.group(1).split(" "));
  }
}
