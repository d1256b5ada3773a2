package io.mio;

import static io.mio.testing.HubClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import io.mio.testing.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code mio demo}: one process, a hub and two mock webcams on loopback, both registered. */
class DemoIT {

  private static final Pattern TOKEN = Pattern.compile("token:\\s+(\\S+)");

  @TempDir
  Path data;

  @Test
  void startsAHubWatchingTwoMockWebcamsAndPrintsTheToken() throws Exception {
    int hubPort = freeTriple();
    try (MioProcess demo = MioProcess.command("demo").port(hubPort)
        .env("MIO_DATA_DIR", data.toString()).start()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> TOKEN.matcher(demo.logText()).find());
      Matcher m = TOKEN.matcher(demo.logText());
      assertThat(m.find()).isTrue();
      String token = m.group(1);
      assertThat(demo.logText()).contains("http://127.0.0.1:" + hubPort)
          .contains("http://127.0.0.1:" + (hubPort - 1))
          .contains("http://127.0.0.1:" + (hubPort + 1));
      HubClient api = new HubClient(demo.baseUrl(), token);

      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
          .untilAsserted(() -> {
            JsonNode summary = json(api.get("/api/v1/management/overview")).get("summary");
            assertThat(summary.get("total").intValue()).isEqualTo(2);
            assertThat(summary.get("ok").intValue()).isEqualTo(2);
          });
      assertThat(new HubClient("http://127.0.0.1:" + (hubPort - 1), null)
          .get("/snapshot.jpg").statusCode()).isEqualTo(200);
    }
  }

  /** A port whose neighbours below and above are free too (the demo's webcams use them). */
  private static int freeTriple() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port = Ports.free();
      if (port > 1024 && port < 65535 && free(port - 1) && free(port + 1)) {
        return port;
      }
    }
    throw new IllegalStateException("found no three free neighbouring ports");
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
