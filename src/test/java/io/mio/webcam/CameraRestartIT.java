package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.CameraScripts;
import io.mio.testing.MioProcess;
import io.mio.testing.MjpegParser;
import io.mio.testing.MjpegParser.Part;
import io.mio.testing.RawHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the camera through a crash and the supervisor's restart, and an open stream
 * rides through it on the same connection (stale repeats while the camera is down).
 */
class CameraRestartIT {

  @TempDir
  Path dir;

  @Test
  void readinessFollowsTheCameraAndTheStreamSurvivesItsRestart() throws Exception {
    Path flag = dir.resolve("camera-on");
    Path script = CameraScripts.switchable(dir, flag);
    try (MioProcess node = MioProcess.webcam().env("MIO_CAMERA", "command")
        .env("MIO_CAMERA_COMMAND", "sh " + script).env("MIO_MAX_FRAME_AGE_SECONDS", "2").start()) {
      notReadyFor(node, Duration.ofSeconds(2));
      Files.writeString(flag, "on");
      node.awaitStatus("/ready", 200, Duration.ofSeconds(30));

      try (RawHttp stream = RawHttp.get(node.port(), "/stream.mjpg", 256 * 1024)) {
        List<Part> parts = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = read(stream, parts, failure);
        await().atMost(Duration.ofSeconds(10)).until(() -> parts.size() >= 15);

        Files.delete(flag);
        killFfmpeg(node);
        await().atMost(Duration.ofSeconds(15)).until(() -> node.get("/ready").statusCode() == 503);
        notReadyFor(node, Duration.ofSeconds(3));
        int beforeRecovery = parts.size();
        long lastIdBefore = parts.getLast().frameId();
        assertThat(parts.subList(15, beforeRecovery)).anyMatch(Part::stale);

        Files.writeString(flag, "on");
        node.awaitStatus("/ready", 200, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> freshAfter(parts, beforeRecovery) >= 15);

        assertThat(failure.get()).as("stream error").isNull();
        assertThat(reader.isAlive()).as("stream still open").isTrue();
        assertThat(parts.getLast().frameId()).isGreaterThan(lastIdBefore);
        assertThat(node.get("/api/status").body()).contains("\"restarts\":").doesNotContain(
            "\"restarts\":0");
      }
    }
  }

  private static void notReadyFor(MioProcess node, Duration period) {
    await().during(period).atMost(period.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
        .until(() -> node.get("/ready").statusCode() == 503);
  }

  private static void killFfmpeg(MioProcess node) {
    await().atMost(Duration.ofSeconds(10))
        .until(() -> !CameraScripts.ffmpegChildren(node.process()).isEmpty());
    CameraScripts.ffmpegChildren(node.process()).forEach(ProcessHandle::destroyForcibly);
  }

  private static long freshAfter(List<Part> parts, int from) {
    return parts.subList(from, parts.size()).stream().filter(p -> !p.stale()).count();
  }

  /** Parses parts on a virtual thread until the stream ends or breaks. */
  private static Thread read(RawHttp stream, List<Part> parts, AtomicReference<Throwable> error) {
    return Thread.ofVirtual().start(() -> {
      try {
        MjpegParser parser = new MjpegParser(stream.body(),
            MjpegParser.boundaryOf(stream.header("Content-Type")));
        for (int i = 0; i < 100_000; i++) {
          parts.add(parser.next());
        }
      } catch (Throwable t) {
        if (!stream.socket().isClosed()) {
          error.set(t);
        }
      }
    });
  }
}
