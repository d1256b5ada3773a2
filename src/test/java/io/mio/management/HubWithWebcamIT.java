package io.mio.management;

import static io.mio.testing.HubClient.json;
import static io.mio.testing.HubClient.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two real processes on loopback: a hub (127.0.0.0/8 explicitly allowed) watching one webcam on
 * the mock camera. The webcam is killed and restarted on the same port; the hub follows.
 */
class HubWithWebcamIT {

  private static final String HUB_TOKEN = "two-process-hub-token-0123456789";
  private static final String CAM_TOKEN = "two-process-cam-token-0123456789";
  private static final Duration DEADLINE = Duration.ofSeconds(3);

  @TempDir
  Path data;

  @Test
  void followsAWebcamThatDiesAndComesBack() throws Exception {
    try (MioProcess hub = MioProcess.management().env("MIO_MANAGEMENT_AUTH_TOKEN", HUB_TOKEN)
        .env("MIO_DATA_DIR", data.resolve("hub").toString())
        .env("MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8").start()) {
      HubClient api = new HubClient(hub.baseUrl(), HUB_TOKEN);
      MioProcess cam = startWebcam(0);
      int camPort = cam.port();
      try {
        HttpResponse<String> created = api.post("/api/v1/nodes", q("{'id':'cam','name':'Cam',"
            + "'base_url':'" + cam.baseUrl() + "','auth':{'type':'bearer','token':'" + CAM_TOKEN
            + "'}}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        awaitStatusOk(api);
        JsonNode overview = json(api.get("/api/v1/management/overview"));
        assertThat(overview.get("summary").get("total").intValue()).isEqualTo(1);
        assertThat(overview.get("summary").get("ok").intValue()).isEqualTo(1);
        assertThat(overview.get("nodes").get(0).get("node_status").get("mode").stringValue())
            .isEqualTo("webcam");

        cam.kill();
        long start = System.nanoTime();
        HttpResponse<String> down = api.get("/api/v1/nodes/cam/status");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("status of a killed webcam answered in " + took.toMillis() + " ms");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(json(down).get("error").get("code").stringValue())
            .isEqualTo("NODE_UNREACHABLE");
        assertThat(took).isLessThan(DEADLINE);
        JsonNode downOverview = json(api.get("/api/v1/management/overview"));
        assertThat(downOverview.get("summary").get("unavailable").intValue()).isEqualTo(1);
        assertThat(downOverview.get("nodes").get(0).get("error").get("code").stringValue())
            .isEqualTo("NODE_UNREACHABLE");

        cam = startWebcam(camPort);
        awaitStatusOk(api);
        assertThat(json(api.get("/api/v1/management/overview")).get("summary").get("ok")
            .intValue()).isEqualTo(1);
        assertThat(json(api.get("/api/v1/nodes/cam")).get("last_seen").isString()).isTrue();
      } finally {
        cam.close();
      }
      assertThat(hub.logText()).doesNotContain(CAM_TOKEN).doesNotContain(HUB_TOKEN);
    }
  }

  // A fresh webcam may be degraded (no frame yet) for a moment before it is ok.
  private static void awaitStatusOk(HubClient api) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> {
          HttpResponse<String> r = api.get("/api/v1/nodes/cam/status");
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          assertThat(json(r).get("status").stringValue()).isEqualTo("ok");
        });
  }

  private MioProcess startWebcam(int port) throws IOException {
    MioProcess.Builder b = MioProcess.webcam().env("MIO_CAMERA", "mock")
        .env("MIO_RESOLUTION", "320x240").env("MIO_FPS", "10")
        .env("MIO_WEBCAM_AUTH_TOKEN", CAM_TOKEN)
        .env("MIO_DATA_DIR", data.resolve("cam").toString());
    return (port == 0 ? b : b.port(port)).start();
  }
}
