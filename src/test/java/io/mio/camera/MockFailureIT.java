package io.mio.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.MioProcess;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A mock camera that cannot be built (here: a 4096x4096 picture in a 40 MB heap) says so and
 * keeps the node answering, instead of stopping its frames silently.
 */
class MockFailureIT {

  @Test
  void aMockThatRunsOutOfMemoryIsReportedFailedAndTheNodeKeepsAnswering() throws Exception {
    try (MioProcess node = MioProcess.webcam().env("MIO_CAMERA", "mock")
        .env("MIO_RESOLUTION", "4096x4096").jvmArg("-Xmx40m")
        .env("MIO_DATA_DIR", Files.createTempDirectory("mio-mock-fail").toString()).start()) {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(node.get("/api/status").body()).contains("\"state\":\"failed\""));

      assertThat(node.get("/ready").body()).contains("camera_failed");
      assertThat(node.get("/health").statusCode()).isEqualTo(200);
      assertThat(node.logText()).contains("camera mock: java.lang.OutOfMemoryError")
          .contains("retrying every second");
      assertThat(node.process().isAlive()).isTrue();
    }
  }
}
