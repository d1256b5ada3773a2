package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.CameraScripts;
import io.mio.testing.MioProcess;
import io.mio.testing.MjpegParser;
import io.mio.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With a cap of 10 streams the 11th is refused at once, and the node keeps answering. */
class StreamCapIT {

  @Test
  void theEleventhStreamGets429WithRetryAfterWhileHealthKeepsAnswering() throws Exception {
    List<RawHttp> streams = new ArrayList<>();
    try (MioProcess node = CameraScripts.ffmpegNode()
        .env("MIO_MAX_STREAM_CONNECTIONS", "10").start().awaitReady()) {
      for (int i = 0; i < 10; i++) {
        RawHttp s = RawHttp.get(node.port(), "/stream.mjpg", 1024 * 1024);
        streams.add(s);
        assertThat(s.status()).isEqualTo(200);
        new MjpegParser(s.body(), MjpegParser.boundaryOf(s.header("Content-Type"))).next();
      }

      long started = System.nanoTime();
      try (RawHttp eleventh = RawHttp.get(node.port(), "/stream.mjpg", 64 * 1024)) {
        String body = readAll(eleventh.body());
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf("11th stream answered %d in %.1f ms%n", eleventh.status(), millis);

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.header("Retry-After")).isNotBlank();
        assertThat(eleventh.header("Content-Type")).startsWith("application/json");
        assertThat(body).contains("\"code\":\"TOO_MANY_STREAMS\"");
      }
      long healthStarted = System.nanoTime();
      HttpResponse<String> health = node.get("/health");
      System.out.printf("/health with 10 streams open: %.1f ms%n",
          (System.nanoTime() - healthStarted) / 1e6);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(node.get("/api/status").body()).contains("\"current\":10", "\"max\":10");
    } finally {
      for (RawHttp s : streams) {
        s.close();
      }
    }
  }

  private static String readAll(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
