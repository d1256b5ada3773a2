package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.Lan;
import io.mio.testing.LanHost;
import io.mio.testing.LanHost.Fetched;
import io.mio.testing.MioProcess;
import io.mio.testing.NeedsLan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webcam without MIO_WEBCAM_AUTH_TOKEN on a simulated LAN: a client on another host cannot
 * change it, whatever forwarding headers claim, while a client on the node's own loopback can.
 */
@NeedsLan
class WebcamLanIT {

  private static final int PORT = 8000;
  private static final String PATCH = "{\"jpeg_quality\":60}";

  @Test
  void aLanClientCannotClaimToBeLoopback() throws Exception {
    Path data = Files.createTempDirectory("mio-webcam-lan");
    try (Lan lan = Lan.create("settings", 2)) {
      LanHost client = lan.host(0);
      LanHost cam = lan.host(1);
      MioProcess node = MioProcess.webcam().prefix(cam.exec()).port(PORT).noWait()
          .env("MIO_CAMERA", "mock").env("MIO_BIND_HOST", "0.0.0.0")
          .env("MIO_RESOLUTION", "320x240").env("MIO_DATA_DIR", data.toString()).start();
      try {
        String lanUrl = "http://" + cam.address() + ":" + PORT + "/api/v1/settings";
        client.awaitStatus(lanUrl, 200, Duration.ofSeconds(30));

        Fetched forged = client.fetch("PATCH", lanUrl, Map.of("Content-Type",
            "application/json", "X-Forwarded-For", "127.0.0.1", "X-Real-IP", "127.0.0.1",
            "Forwarded", "for=127.0.0.1"), PATCH);
        Fetched local = cam.fetch("PATCH", "http://127.0.0.1:" + PORT + "/api/v1/settings",
            Map.of("Content-Type", "application/json"), PATCH);

        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("MIO_WEBCAM_AUTH_TOKEN");
        assertThat(local.status()).as(local.body()).isEqualTo(200);
        assertThat(client.fetch(lanUrl).body()).contains("\"jpeg_quality\":60");
      } finally {
        node.close();
      }
    }
  }
}
