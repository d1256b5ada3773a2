package io.mio.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.camera.Frame;
import io.mio.stream.FrameHub.Published;
import io.mio.testing.MjpegParser.Part;
import io.mio.testing.TestFrames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamSessionTest {

  private static final Duration LONG = Duration.ofSeconds(30);

  private final FrameHub hub = new FrameHub();
  private final StreamStats stats = new StreamStats(5);
  private final MemorySink sink = new MemorySink();
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private StreamStats.Client client;

  @AfterEach
  void stop() {
    hub.close();
    sink.open();
    pool.close();
  }

  @Test
  void sendsTheFirstFrameAtOnceAndThenEveryNewFrame() throws Exception {
    hub.onFrame(TestFrames.frame(1));
    CompletableFuture<Void> run = start(new StreamSession.Options(0, LONG, LONG));
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.parts().size() == 1);

    hub.onFrame(TestFrames.frame(2));
    hub.onFrame(TestFrames.frame(3));
    await().atMost(Duration.ofSeconds(5)).until(() -> lastId() == 3);

    hub.close();
    run.get();
    assertThat(sink.parts()).allSatisfy(p -> assertThat(p.stale()).isFalse());
    assertThat(client.bytesSent()).isEqualTo(sink.bytes().length);
  }

  @Test
  void repeatsTheLastFrameMarkedStaleWhileTheCameraStalls() throws Exception {
    hub.onFrame(TestFrames.frame(1));
    start(new StreamSession.Options(0, Duration.ofMillis(50), LONG));

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.parts().size() >= 4);

    List<Part> parts = sink.parts();
    assertThat(parts.getFirst().stale()).isFalse();
    assertThat(parts.subList(1, parts.size())).allSatisfy(p -> {
      assertThat(p.stale()).isTrue();
      assertThat(p.frameId()).isEqualTo(1);
    });
    assertThat(stats.staleRepeats()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void marksAnOldFirstFrameStale() throws Exception {
    long minuteAgo = System.nanoTime() - Duration.ofSeconds(60).toNanos();
    hub.onFrame(new Frame(1, TestFrames.jpeg(16, 16, 1), System.currentTimeMillis(), minuteAgo));
    start(new StreamSession.Options(0, LONG, Duration.ofSeconds(10)));

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.parts().size() == 1);
    assertThat(sink.parts().getFirst().stale()).isTrue();
  }

  @Test
  void aSlowClientSkipsToTheNewestFrameAndCountsTheDrops() throws Exception {
    hub.onFrame(TestFrames.frame(1));
    sink.close();
    start(new StreamSession.Options(0, LONG, LONG));

    for (long id = 2; id <= 10; id++) {
      hub.onFrame(TestFrames.frame(id));
    }
    sink.open();

    await().atMost(Duration.ofSeconds(5)).until(() -> lastId() == 10);
    assertThat(sink.parts()).extracting(Part::frameId).containsExactly(1L, 10L);
    assertThat(client.framesDropped()).isEqualTo(8);
    assertThat(stats.framesDropped()).isEqualTo(8);
  }

  @Test
  void anFpsLimitLeavesFramesOutOnPurposeWithoutCallingThemDrops() throws Exception {
    hub.onFrame(TestFrames.frame(1));
    start(new StreamSession.Options(1, LONG, LONG));
    await().atMost(Duration.ofSeconds(5)).until(() -> client.framesSent() == 1);

    for (long id = 2; id <= 5; id++) {
      hub.onFrame(TestFrames.frame(id));
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> lastId() == 5);
    assertThat(client.framesSkipped()).isEqualTo(3);
    assertThat(client.framesDropped()).isZero();
  }

  @Test
  void aFailingClientEndsTheSessionWithItsError() throws Exception {
    hub.onFrame(TestFrames.frame(1));
    CompletableFuture<Void> run = start(new StreamSession.Options(0, LONG, LONG));
    await().atMost(Duration.ofSeconds(5)).until(() -> client.framesSent() == 1);

    sink.failWith(new WriteTimeoutException(Duration.ofSeconds(2)));
    hub.onFrame(TestFrames.frame(2));

    await().atMost(Duration.ofSeconds(5)).until(run::isDone);
    assertThat(run).isCompletedExceptionally();
    try {
      run.get();
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WriteTimeoutException.class);
    }
  }

  private CompletableFuture<Void> start(StreamSession.Options options) {
    client = stats.tryOpen().orElseThrow();
    StreamSession session = new StreamSession(hub, sink, client, options);
    Published first = hub.latest().orElseThrow();
    return CompletableFuture.runAsync(() -> {
      try {
        session.run(first);
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, pool);
  }

  private long lastId() throws Exception {
    List<Part> parts = sink.parts();
    return parts.isEmpty() ? 0 : parts.getLast().frameId();
  }
}
