package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.CameraScripts;
import io.mio.testing.MioProcess;
import io.mio.testing.MjpegParser;
import io.mio.testing.MjpegParser.Part;
import io.mio.testing.RawHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real jar on a real MJPEG camera command (ffmpeg's test source, 640x360 at 15 fps). */
class WebcamStreamIT {

  private static MioProcess node;

  @BeforeAll
  static void start() throws Exception {
    node = CameraScripts.ffmpegNode().start().awaitReady();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void ffprobeDecodesTheStreamAtTheCameraSize() throws Exception {
    Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-f", "mpjpeg",
        "-show_entries", "stream=codec_name,width,height", "-of", "default=nw=1",
        node.baseUrl() + "/stream.mjpg").redirectErrorStream(true).start();
    try {
      assertThat(probe.waitFor(30, TimeUnit.SECONDS)).as("ffprobe finished").isTrue();
      String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(out).contains("codec_name=mjpeg", "width=640", "height=360");
      assertThat(probe.exitValue()).isZero();
    } finally {
      probe.destroyForcibly();
    }
  }

  @Test
  void everyOneOf300PartsIsWellFormed() throws Exception {
    try (RawHttp stream = RawHttp.get(node.port(), "/stream.mjpg", 256 * 1024)) {
      assertThat(stream.status()).isEqualTo(200);
      MjpegParser parser = new MjpegParser(stream.body(),
          MjpegParser.boundaryOf(stream.header("Content-Type")));
      long previous = 0;
      for (int i = 0; i < 300; i++) {
        Part part = parser.next();
        assertThat(part.frameId()).as("part %d", i).isGreaterThan(previous);
        previous = part.frameId();
      }
    }
  }

  @Test
  void theCompatibilityPathsServeTheSameStream() throws Exception {
    for (String path : new String[] {"/?action=stream", "/webcam/?action=stream&1595805826022"}) {
      try (RawHttp stream = RawHttp.get(node.port(), path, 256 * 1024)) {
        MjpegParser parser = new MjpegParser(stream.body(),
            MjpegParser.boundaryOf(stream.header("Content-Type")));
        assertThat(parser.next().jpeg()).isNotEmpty();
        assertThat(parser.next().jpeg()).isNotEmpty();
      }
    }
  }

  @Test
  void theSnapshotDecodesAtTheCameraSize() throws Exception {
    HttpResponse<byte[]> r = get("/snapshot.jpg?max_age_ms=2000");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
  }

  @Test
  void statusReportsTheSizeAndRateTheCameraDelivers() throws Exception {
    String status = new String(get("/api/status").body(), StandardCharsets.UTF_8);

    assertThat(status).contains("\"status\":\"ok\"", "\"resolution\":\"640x360\"",
        "\"mode\":\"webcam\"", "\"stream_available\":true");
  }

  @Test
  void startupLogStatesModeAddressCameraAndSecurityPolicy() {
    assertThat(node.logText()).contains("webcam started", "127.0.0.1:" + node.port(),
        "camera=", "state-changing routes: loopback only (no MIO_WEBCAM_AUTH_TOKEN)");
  }

  private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
