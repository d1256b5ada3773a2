package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.CameraScripts;
import io.mio.testing.MioProcess;
import io.mio.testing.MjpegParser;
import io.mio.testing.NodeProbe;
import io.mio.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Slow and stalled clients cost the others nothing: 5 normal readers keep the camera's rate while
 * 20 readers at 10 KB/s and 5 that never read are connected; the stalled ones are closed after
 * the write timeout, the slow ones stay, and the heap after GC does not grow.
 */
class SlowClientsIT {

  private static final int SOURCE_FPS = 15;
  private static final String NORMAL_FPS = "normal readers fps";

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<AutoCloseable> open = new ArrayList<>();

  @Test
  void slowAndStalledClientsDoNotHoldBackTheOthersNorGrowTheHeap() throws Exception {
    try (MioProcess node = CameraScripts.ffmpegNode()
        .env("MIO_STREAM_WRITE_TIMEOUT_SECONDS", "2")
        .env("MIO_MAX_STREAM_CONNECTIONS", "50").start().awaitReady()) {
      long heapBefore = NodeProbe.heapAfterGc(node);
      List<Socket> stalled = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        stalled.add(remember(RawHttp.sendOnly(node.port(), "/stream.mjpg", 4096)));
      }
      List<AtomicLong> slowBytes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        // A small receive buffer: loopback's 64 KB segments would otherwise make the kernel
        // hold back window updates until half of a larger buffer was read (seconds at 10 KB/s).
        slowBytes.add(readSlowly(remember(RawHttp.get(node.port(), "/stream.mjpg", 4096))));
      }
      List<AtomicLong> normalParts = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        normalParts.add(readParts(remember(RawHttp.get(node.port(), "/stream.mjpg", 256 * 1024))));
      }

      await().atMost(Duration.ofSeconds(20))
          .until(() -> NodeProbe.metric(node, "mio_stream_write_timeouts_total") >= 5);
      for (Socket s : stalled) {
        assertThat(drainsToClose(s)).as("stalled client closed by the server").isTrue();
      }
      long[] before = normalParts.stream().mapToLong(AtomicLong::get).toArray();
      long slowBefore = sum(slowBytes);
      long started = System.nanoTime();
      await().atMost(Duration.ofSeconds(20)).until(() -> everyGot(normalParts, before, 100));
      double seconds = (System.nanoTime() - started) / 1e9;
      double fps = (sum(normalParts) - java.util.Arrays.stream(before).sum()) / 5.0 / seconds;
      System.out.printf("%s: %.1f (source %d)%n", NORMAL_FPS, fps, SOURCE_FPS);

      assertThat(fps).as(NORMAL_FPS).isGreaterThan(SOURCE_FPS * 0.66);
      assertThat(NodeProbe.metric(node, "mio_stream_clients")).isEqualTo(25);
      assertThat(sum(slowBytes) - slowBefore).as("slow readers kept reading")
          .isGreaterThan((long) (20 * 5_000 * seconds));
      assertThat(NodeProbe.metric(node, "mio_stream_write_timeouts_total")).isEqualTo(5);
      long heapAfter = NodeProbe.heapAfterGc(node);
      System.out.printf("heap after GC: before %d KB, after %d KB%n", heapBefore / 1024,
          heapAfter / 1024);
      assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(24L << 20);
    } finally {
      running.set(false);
      for (AutoCloseable c : open) {
        c.close();
      }
    }
  }

  private <T extends AutoCloseable> T remember(T c) {
    open.add(c);
    return c;
  }

  /** Reads about 10 KB/s until the test ends; counts bytes. */
  private AtomicLong readSlowly(RawHttp stream) {
    AtomicLong bytes = new AtomicLong();
    Thread.ofVirtual().start(() -> {
      byte[] chunk = new byte[1024];
      try (InputStream in = stream.body()) {
        while (running.get()) {
          int n = in.read(chunk);
          if (n < 0) {
            return;
          }
          bytes.addAndGet(n);
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException e) {
        // The test is over or the server closed us; the byte count tells which.
      }
    });
    return bytes;
  }

  /** Parses parts as fast as they come until the test ends; counts them. */
  private AtomicLong readParts(RawHttp stream) {
    AtomicLong parts = new AtomicLong();
    Thread.ofVirtual().start(() -> {
      try {
        MjpegParser parser = new MjpegParser(stream.body(),
            MjpegParser.boundaryOf(stream.header("Content-Type")));
        while (running.get()) {
          parser.next();
          parts.incrementAndGet();
        }
      } catch (IOException e) {
        // Ends with the test.
      }
    });
    return parts;
  }

  /** Reads what the kernel buffered; true when the server's close shows up at the end of it. */
  private static boolean drainsToClose(Socket s) throws IOException {
    s.setSoTimeout(5000);
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = s.getInputStream()) {
      for (int i = 0; i < 10_000; i++) {
        if (in.read(buffer) < 0) {
          return true;
        }
      }
    } catch (java.net.SocketException reset) {
      return true;
    } catch (java.net.SocketTimeoutException open) {
      return false;
    }
    return false;
  }

  private static boolean everyGot(List<AtomicLong> counters, long[] before, long more) {
    for (int i = 0; i < before.length; i++) {
      if (counters.get(i).get() - before[i] < more) {
        return false;
      }
    }
    return true;
  }

  private static long sum(List<AtomicLong> counters) {
    return counters.stream().mapToLong(AtomicLong::get).sum();
  }
}
