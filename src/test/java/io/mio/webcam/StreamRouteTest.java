package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.stream.MjpegWriter;
import io.mio.testing.MjpegParser;
import io.mio.testing.MjpegParser.Part;
import io.mio.testing.TestFrames;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamRouteTest {

  private NodeFixture f;
  private final AtomicBoolean emitting = new AtomicBoolean(true);

  @AfterEach
  void stop() throws Exception {
    emitting.set(false);
    if (f != null) {
      f.close();
    }
  }

  @Test
  void streamOpensWithTheBoundaryAndEveryPartIsWellFormed() throws Exception {
    f = new NodeFixture(Map.of());
    emit(20, 200, 64 * 1024);

    HttpResponse<InputStream> r = open("/stream.mjpg?_=123&fps");

    assertThat(r.statusCode()).isEqualTo(200);
    String type = r.headers().firstValue("Content-Type").orElseThrow();
    assertThat(type).isEqualTo(MjpegWriter.CONTENT_TYPE);
    assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    try (InputStream body = r.body()) {
      MjpegParser parser = new MjpegParser(body, MjpegParser.boundaryOf(type));
      long previous = 0;
      for (int i = 0; i < 20; i++) {
        Part p = parser.next();
        assertThat(p.frameId()).isGreaterThan(previous);
        previous = p.frameId();
      }
    }
  }

  @Test
  void theFirstFrameComesAtOnceAndRepeatsMarkedStaleWhileTheCameraStalls() throws Exception {
    f = new NodeFixture(Map.of());
    f.source.emit(TestFrames.jpeg(64, 48, 1));

    try (InputStream body = open("/stream.mjpg").body()) {
      MjpegParser parser = new MjpegParser(body, MjpegWriter.BOUNDARY);
      Part first = parser.next();
      Part second = parser.next();
      Part third = parser.next();

      assertThat(first.stale()).isFalse();
      assertThat(second.stale()).isTrue();
      assertThat(third.frameId()).isEqualTo(first.frameId());
      assertThat(third.timestamp() - first.timestamp()).isZero();
    }
  }

  @Test
  void theStreamCapAnswers429WithRetryAfterAndLetsTheNextInWhenOneLeaves() throws Exception {
    f = new NodeFixture(Map.of("MIO_MAX_STREAM_CONNECTIONS", "2"));
    f.source.emit(TestFrames.jpeg(64, 48, 1));
    InputStream one = open("/stream.mjpg").body();
    InputStream two = open("/?action=stream").body();

    HttpResponse<byte[]> refused = f.get("/stream.mjpg");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("TOO_MANY_STREAMS");
    assertThat(f.get("/health").statusCode()).isEqualTo(200);
    one.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      HttpResponse<InputStream> again = open("/stream.mjpg?fps=1");
      again.body().close();
      return again.statusCode() == 200;
    });
    two.close();
  }

  @Test
  void headOfTheStreamAnswersItsHeadersWithoutABody() throws Exception {
    f = new NodeFixture(Map.of());
    f.source.emit(TestFrames.jpeg(64, 48, 1));

    HttpResponse<byte[]> r = f.send("HEAD", "/stream.mjpg");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains(MjpegWriter.CONTENT_TYPE);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void aClientThatReadsNothingIsClosedAfterTheWriteTimeout() throws Exception {
    f = new NodeFixture(Map.of("MIO_STREAM_WRITE_TIMEOUT_SECONDS", "2"));
    emit(30, 2000, 256 * 1024);
    try (Socket stalled = rawStream(8 * 1024)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> metric("mio_stream_clients") == 1);

      await().atMost(Duration.ofSeconds(15)).until(() -> metric("mio_stream_clients") == 0);

      assertThat(metric("mio_stream_write_timeouts_total")).isEqualTo(1);
    }
  }

  @Test
  void aSlowClientThatKeepsReadingKeepsItsStream() throws Exception {
    f = new NodeFixture(Map.of("MIO_STREAM_WRITE_TIMEOUT_SECONDS", "2"));
    emit(30, 2000, 64 * 1024);
    try (Socket slow = rawStream(8 * 1024)) {
      InputStream in = slow.getInputStream();
      byte[] chunk = new byte[1024];
      long read = 0;
      long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
      // About 10 KB/s: far below the stream's 2 MB/s, but never idle for the timeout.
      while (System.nanoTime() < until) {
        read += Math.max(0, in.read(chunk));
        Thread.sleep(100);
      }

      assertThat(read).isGreaterThan(30_000);
      assertThat(metric("mio_stream_clients")).isEqualTo(1);
      assertThat(metric("mio_stream_write_timeouts_total")).isZero();
      assertThat(metric("mio_stream_frames_dropped_total")).isPositive();
    }
  }

  private HttpResponse<InputStream> open(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(f.uri(path)).build();
    return NodeFixture.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  /** A GET on a raw socket with a small receive buffer, so that not reading stalls quickly. */
  private Socket rawStream(int receiveBuffer) throws Exception {
    Socket s = new Socket();
    s.setReceiveBufferSize(receiveBuffer);
    s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), f.node.port()));
    OutputStream out = s.getOutputStream();
    out.write(("GET /stream.mjpg HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  /** Publishes up to {@code count} frames of about {@code bytes} at {@code fps}, in background. */
  private void emit(int fps, int count, int bytes) {
    byte[] base = TestFrames.jpeg(64, 48, 1);
    byte[] big = new byte[Math.max(bytes, base.length)];
    ThreadLocalRandom.current().nextBytes(big);
    System.arraycopy(base, 0, big, 0, base.length - 2);
    big[big.length - 2] = (byte) 0xFF;
    big[big.length - 1] = (byte) 0xD9;
    Thread.ofVirtual().start(() -> {
      for (int i = 0; i < count && emitting.get(); i++) {
        f.source.emit(big);
        try {
          Thread.sleep(1000 / fps);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  private double metric(String name) throws Exception {
    for (String line : f.text("/metrics").split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    throw new AssertionError("no metric " + name);
  }
}
