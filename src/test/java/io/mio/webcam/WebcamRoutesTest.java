package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.camera.CameraStats;
import io.mio.camera.Frame;
import io.mio.http.Json;
import io.mio.testing.TestFrames;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebcamRoutesTest {

  private NodeFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new NodeFixture(Map.of("MIO_MAX_FRAME_AGE_SECONDS", "2"));
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  @Test
  void snapshotServesTheNewestFrameUncached() throws Exception {
    f.source.emit(TestFrames.jpeg(64, 48, 1));
    Frame newest = f.source.emit(TestFrames.jpeg(320, 240, 2));

    HttpResponse<byte[]> r = f.get("/snapshot.jpg?1595805826022&foo");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(r.headers().firstValue("X-Frame-Id")).contains(Long.toString(newest.id()));
    assertThat(r.body()).isEqualTo(newest.jpeg());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertThat(image.getWidth()).isEqualTo(320);
  }

  @Test
  void refusesSnapshotOlderThanMaxAge() throws Exception {
    long secondAgo = System.nanoTime() - Duration.ofSeconds(1).toNanos();
    f.source.emit(new Frame(1, TestFrames.jpeg(32, 32, 1), System.currentTimeMillis(), secondAgo));

    HttpResponse<byte[]> r = f.get("/snapshot.jpg?max_age_ms=500");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).contains("1");
    JsonNode error = Json.MAPPER.readTree(r.body()).get("error");
    assertThat(error.get("code").asString()).isEqualTo("FRAME_UNAVAILABLE");
    assertThat(error.get("details").get("reason").asString()).isEqualTo("stale_frame");
    assertThat(f.get("/snapshot.jpg?max_age_ms=5000").statusCode()).isEqualTo(200);
  }

  @Test
  void snapshotBeforeTheFirstFrameSaysSo() throws Exception {
    HttpResponse<byte[]> r = f.get("/snapshot.jpg");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(new String(r.body())).contains("no_frame_yet");
  }

  @Test
  void snapshotHeadAnswersHeadersOnly() throws Exception {
    f.source.emit(TestFrames.jpeg(64, 48, 1));

    HttpResponse<byte[]> r = f.send("HEAD", "/snapshot.jpg");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void readyFollowsTheCameraAndTheFrameAge() throws Exception {
    assertThat(f.text("/ready")).contains("no_frame_yet");
    f.source.emit(TestFrames.jpeg(32, 32, 1));
    assertThat(f.get("/ready").statusCode()).isEqualTo(200);

    f.source.state(CameraStats.State.RESTARTING);
    HttpResponse<byte[]> restarting = f.get("/ready");
    assertThat(restarting.statusCode()).isEqualTo(503);
    assertThat(Json.MAPPER.readTree(restarting.body()).get("reason").asString())
        .isEqualTo("camera_restarting");

    f.source.state(CameraStats.State.RUNNING);
    long old = System.nanoTime() - Duration.ofSeconds(3).toNanos();
    f.source.emit(new Frame(9, TestFrames.jpeg(32, 32, 2), System.currentTimeMillis(), old));
    assertThat(f.text("/ready")).contains("stale_frame");
  }

  @Test
  void statusKeepsItsContract() throws Exception {
    f.source.emit(TestFrames.jpeg(640, 360, 1));

    JsonNode s = Json.MAPPER.readTree(f.get("/api/status").body());

    assertThat(s.propertyNames()).containsExactly("status", "reason", "name", "version", "mode",
        "stream_available", "camera_active", "fps", "resolution", "frame_age_ms", "connections",
        "uptime_seconds", "frames_captured", "frames_dropped", "camera");
    assertThat(s.get("status").asString()).isEqualTo("ok");
    assertThat(s.get("reason").isNull()).isTrue();
    assertThat(s.get("name").asString()).isEqualTo("test-cam");
    assertThat(s.get("resolution").asString()).isEqualTo("640x360");
    assertThat(s.get("connections").propertyNames()).containsExactly("current", "max");
    assertThat(s.get("connections").get("max").asInt()).isEqualTo(20);
    assertThat(s.get("camera").propertyNames()).containsExactly("source", "state", "restarts");
    assertThat(s.get("camera").get("state").asString()).isEqualTo("running");
  }

  @Test
  void metricsAreThePrometheusTextFormat() throws Exception {
    f.source.emit(TestFrames.jpeg(32, 32, 1));

    HttpResponse<byte[]> r = f.get("/metrics");

    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(new String(r.body())).contains("mio_camera_frames_captured_total 1.0",
        "mio_camera_frames_dropped_total{reason=\"truncated\"}", "mio_stream_clients 0",
        "mio_stream_bytes_sent_total", "mio_frame_age_seconds", "jvm_memory_used_bytes",
        "jvm_gc_collection_seconds", "jvm_threads_current", "process_cpu_seconds_total");
  }

  @Test
  void compatibilityRoutesServeSnapshotsAndThePage() throws Exception {
    Frame frame = f.source.emit(TestFrames.jpeg(32, 32, 1));

    assertThat(f.get("/?action=snapshot").body()).isEqualTo(frame.jpeg());
    assertThat(f.get("/webcam/?action=snapshot").body()).isEqualTo(frame.jpeg());
    assertThat(f.text("/")).contains("<img id=\"stream\"", "/static/webcam.js");
    for (String path : List.of("/webcam/?action=record", "/webcam/", "/?action=stop")) {
      HttpResponse<byte[]> bad = f.get(path);
      assertThat(bad.statusCode()).as(path).isEqualTo(400);
      assertThat(new String(bad.body())).contains("VALIDATION_ERROR", "stream or snapshot");
    }
  }

  @Test
  void errorsAreJsonEnvelopes() throws Exception {
    for (String path : List.of("/nope", "/stream.mjpg?fps=0", "/snapshot.jpg?max_age_ms=x")) {
      HttpResponse<byte[]> r = f.get(path);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(Json.MAPPER.readTree(r.body()).get("error").get("code").isString()).isTrue();
    }
    assertThat(f.send("POST", "/snapshot.jpg").statusCode()).isEqualTo(405);
  }
}
