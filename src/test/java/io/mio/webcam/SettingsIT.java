package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.http.Json;
import io.mio.testing.MioProcess;
import io.mio.testing.MjpegParser;
import io.mio.testing.MjpegParser.Part;
import io.mio.testing.RawHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runtime settings on the real jar (mock camera): applied live, kept across a restart. */
class SettingsIT {

  @TempDir
  Path data;

  private MioProcess node;

  private MioProcess start(String... env) throws Exception {
    MioProcess.Builder b = MioProcess.webcam().env("MIO_CAMERA", "mock")
        .env("MIO_DATA_DIR", data.toString());
    for (int i = 0; i < env.length; i += 2) {
      b.env(env[i], env[i + 1]);
    }
    node = b.start().awaitReady();
    return node;
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  static HttpResponse<String> patch(MioProcess node, String json) throws Exception {
    return node.send(HttpRequest.newBuilder(node.uri("/api/v1/settings"))
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))));
  }

  @Test
  void aConnectedClientSeesTheNewFpsWithinTwoSecondsOnTheSameConnection() throws Exception {
    start();
    try (RawHttp stream = RawHttp.get(node.port(), "/stream.mjpg", 1 << 20)) {
      MjpegParser parts = new MjpegParser(stream.body(),
          MjpegParser.boundaryOf(stream.header("content-type")));
      assertThat(medianGapMillis(parts, 10)).isBetween(20L, 50L);

      assertThat(patch(node, "{'fps':10}").statusCode()).isEqualTo(200);
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      long gap = 0;
      while (System.nanoTime() < deadline && (gap < 80 || gap > 125)) {
        gap = medianGapMillis(parts, 5);
      }

      assertThat(gap).as("median ms between frames after fps 30 -> 10").isBetween(80L, 125L);
    }
  }

  @Test
  void aResolutionChangeReachesAConnectedClientAtTheNewSize() throws Exception {
    start();
    try (RawHttp stream = RawHttp.get(node.port(), "/stream.mjpg", 1 << 20)) {
      MjpegParser parts = new MjpegParser(stream.body(),
          MjpegParser.boundaryOf(stream.header("content-type")));
      assertThat(size(parts.next())).isEqualTo("1280x720");

      assertThat(patch(node, "{'resolution':'640x480'}").statusCode()).isEqualTo(200);
      int read = 0;
      while (!size(parts.next()).equals("640x480")) {
        assertThat(++read).as("parts before the new size").isLessThan(90);
      }

      for (int i = 0; i < 5; i++) {
        assertThat(size(parts.next())).isEqualTo("640x480");
      }
    }
  }

  @Test
  void settingsSurviveARestart() throws Exception {
    start();
    assertThat(patch(node, "{'fps':12,'jpeg_quality':55,'resolution':'320x240',"
        + "'max_frame_age_seconds':4.5}").statusCode()).isEqualTo(200);
    String before = node.get("/api/v1/settings").body();
    node.stop(Duration.ofSeconds(15));

    start();

    assertThat(node.get("/api/v1/settings").body()).isEqualTo(before);
    JsonNode status = Json.MAPPER.readTree(node.get("/api/status").body());
    assertThat(status.get("resolution").stringValue()).isEqualTo("320x240");
    assertThat(status.at("/camera/source").stringValue()).isEqualTo("mock 320x240@12");
  }

  @Test
  void aSettingFromTheEnvironmentIsPinned() throws Exception {
    start("MIO_FPS", "25");

    JsonNode settings = Json.MAPPER.readTree(node.get("/api/v1/settings").body());
    HttpResponse<String> r = patch(node, "{'fps':10}");

    assertThat(settings.get("pinned").toString()).isEqualTo("[\"fps\"]");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("SETTING_PINNED").contains("MIO_FPS");
    assertThat(Files.exists(data.resolve("settings.json"))).isFalse();
  }

  @Test
  void theStreamCapAndLogLevelChangeLive() throws Exception {
    start();
    assertThat(patch(node, "{'max_stream_connections':1,'log_level':'debug'}").statusCode())
        .isEqualTo(200);

    try (RawHttp first = RawHttp.get(node.port(), "/stream.mjpg", 1 << 16);
        RawHttp second = RawHttp.get(node.port(), "/stream.mjpg", 1 << 16)) {
      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(429);
    }
    node.get("/health");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> node.logText().contains("DEBUG"));
  }

  static String size(Part part) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.jpeg()));
    return image.getWidth() + "x" + image.getHeight();
  }

  /** The median of capture-time gaps over the next {@code n} parts. */
  static long medianGapMillis(MjpegParser parts, int n) throws Exception {
    List<Long> gaps = new ArrayList<>();
    double last = parts.next().timestamp();
    for (int i = 0; i < n; i++) {
      double t = parts.next().timestamp();
      gaps.add(Math.round((t - last) * 1000));
      last = t;
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2);
  }
}
