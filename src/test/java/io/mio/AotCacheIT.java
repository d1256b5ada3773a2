package io.mio;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.MioProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mio aot-train} makes a JDK AOT cache that a later start really uses: with
 * {@code -XX:AOTMode=on} the JVM refuses to start unless it can map the cache.
 */
class AotCacheIT {

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"webcam", "management"})
  void theTrainingRunWritesACacheThatTheModeStartsFrom(String mode) throws Exception {
    Path cache = tmp.resolve("mio.aot");
    try (MioProcess training = MioProcess.command("aot-train", "--mode", mode).noWait()
        .jvmArg("-XX:+UseSerialGC").jvmArg("-XX:AOTCacheOutput=" + cache).start()) {
      assertThat(training.awaitExit(Duration.ofSeconds(120))).as(training.logText()).isZero();
      assertThat(training.logText()).contains("aot-train: done (" + mode + ")");
    }
    assertThat(cache).exists();
    assertThat(Files.size(cache)).isGreaterThan(1_000_000);

    MioProcess.Builder start = mode.equals("webcam")
        ? MioProcess.webcam().env("MIO_CAMERA", "mock") : MioProcess.management();
    try (MioProcess node = start.env("MIO_DATA_DIR", tmp.resolve("data").toString())
        .jvmArg("-XX:+UseSerialGC").jvmArg("-XX:AOTCache=" + cache).jvmArg("-XX:AOTMode=on")
        .start()) {
      assertThat(node.get("/health").statusCode()).isEqualTo(200);
      assertThat(node.logText()).doesNotContain("[aot]");
    }
  }

  @Test
  void anUnknownModeIsAUsageError() throws Exception {
    try (MioProcess p = MioProcess.command("aot-train", "--mode", "hub").noWait().start()) {
      assertThat(p.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(p.logText()).contains("--mode is webcam or management");
    }
  }
}
