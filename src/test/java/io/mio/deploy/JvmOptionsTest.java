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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JVM options measured in docs/PERFORMANCE.md are the ones every deployment runs with: the
 * image's entry point, both systemd units and the benchmark script, and the JVM accepts them.
 */
class JvmOptionsTest {

  private static final Pattern BENCH_DEFAULT =
      Pattern.compile("MIO_JAVA_OPTS=\"\\$\\{MIO_JAVA_OPTS:-([^}]*)}\"");

  @Test
  void imageUnitsAndBenchmarkUseTheSameOptions() throws IOException {
    List<String> image = new ArrayList<>(imageOptions());
    assertThat(image).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m");
    assertThat(image.remove("-XX:AOTCache=/app/mio.aot")).as("the image uses its cache").isTrue();

    for (String mode : List.of("webcam", "management")) {
      assertThat(unitOptions(mode)).as("mio-%s.service", mode).isEqualTo(image);
    }
    List<String> bench = new ArrayList<>(image);
    bench.remove("-XX:+ExitOnOutOfMemoryError"); // a benchmark run should show the error
    assertThat(benchOptions()).as("bench/run.sh").isEqualTo(bench);
  }

  @ParameterizedTest
  @CsvSource({"management, management", "webcam, webcam", "webcam-pi, webcam"})
  void eachImageTrainsItsCacheForItsModeWithTheEntryPointsOptions(String target, String mode)
      throws IOException {
    List<String> expected = new ArrayList<>(imageOptions());
    expected.remove("-XX:+ExitOnOutOfMemoryError");
    expected.set(expected.indexOf("-XX:AOTCache=/app/mio.aot"),
        "-XX:AOTCacheOutput=/app/mio.aot");
    expected.addAll(List.of("-jar", "/app/mio.jar", "aot-train", "--mode", mode));

    List<String> runs = Dockerfile.read().all(target, "RUN").stream()
        .filter(r -> r.contains("aot-train")).toList();

    assertThat(runs).as(target).hasSize(1);
    assertThat(trainingCommand(runs.getFirst())).as(target).isEqualTo(expected);
  }

  /** The words from {@code java} to the mode, out of a RUN line with other commands around. */
  static List<String> trainingCommand(String run) {
    List<String> words = Arrays.asList(run.replace("\\\n", " ").trim().split("[\\s;]+"));
    int java = words.lastIndexOf("java");
    int mode = words.indexOf("--mode");
    return new ArrayList<>(words.subList(java + 1, mode + 2));
  }

  @Test
  void theJvmAcceptsThem() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(imageOptions());
    cmd.remove("-XX:AOTCache=/app/mio.aot"); // no cache here; the training runs make one
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
