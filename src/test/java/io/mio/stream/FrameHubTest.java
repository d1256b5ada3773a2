package io.mio.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.camera.Frame;
import io.mio.stream.FrameHub.Published;
import io.mio.testing.TestFrames;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class FrameHubTest {

  private final FrameHub hub = new FrameHub();

  @Test
  void hasNoFrameBeforeTheFirstArrives() throws Exception {
    assertThat(hub.latest()).isEmpty();
    assertThat(hub.ageMillis(System.nanoTime())).isEmpty();
    assertThat(hub.awaitNewer(0, Duration.ofMillis(20))).isEmpty();
  }

  @Test
  void aReaderThatFellBehindGetsTheNewestFrameNotTheNextOne() throws Exception {
    for (long id = 1; id <= 5; id++) {
      hub.onFrame(TestFrames.frame(id));
    }

    Optional<Published> got = hub.awaitNewer(1, Duration.ZERO);

    assertThat(got).get().extracting(p -> p.frame().id()).isEqualTo(5L);
    assertThat(got.get().sequence()).isEqualTo(5);
  }

  @Test
  void waitingEndsEmptyAfterTheTimeoutWhenNothingNewArrives() throws Exception {
    hub.onFrame(TestFrames.frame(1));

    assertThat(hub.awaitNewer(1, Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void aWaitingReaderWakesWhenAFrameIsPublished() throws Exception {
    hub.onFrame(TestFrames.frame(1));
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      CompletableFuture<Optional<Published>> waiter = CompletableFuture.supplyAsync(() -> {
        try {
          return hub.awaitNewer(1, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }, pool);

      hub.onFrame(TestFrames.frame(2));

      await().atMost(Duration.ofSeconds(5)).until(waiter::isDone);
      assertThat(waiter.get()).get().extracting(p -> p.frame().id()).isEqualTo(2L);
    }
  }

  @Test
  void sequenceKeepsGrowingWhenARestartedCameraReusesFrameIds() throws Exception {
    hub.onFrame(TestFrames.frame(7));
    hub.onFrame(TestFrames.frame(1));

    assertThat(hub.awaitNewer(1, Duration.ZERO)).get()
        .extracting(p -> p.frame().id()).isEqualTo(1L);
  }

  @Test
  void closingWakesWaitersAndIgnoresLaterFrames() throws Exception {
    hub.onFrame(TestFrames.frame(1));
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      CompletableFuture<Optional<Published>> waiter = CompletableFuture.supplyAsync(() -> {
        try {
          return hub.awaitNewer(1, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }, pool);

      hub.close();
      hub.onFrame(TestFrames.frame(2));

      await().atMost(Duration.ofSeconds(5)).until(waiter::isDone);
      assertThat(waiter.get()).isEmpty();
      assertThat(hub.isClosed()).isTrue();
    }
  }

  @Test
  void keepsNoReferenceToReplacedFrames() {
    Frame first = TestFrames.frame(1, new byte[1 << 20]);
    WeakReference<Frame> ref = new WeakReference<>(first);
    hub.onFrame(first);
    first = null;

    hub.onFrame(TestFrames.frame(2));

    await().atMost(Duration.ofSeconds(10)).until(() -> {
      System.gc();
      return ref.get() == null;
    });
  }

  @Test
  void measuresFramesPerSecondFromCaptureTimes() {
    long start = System.nanoTime() - 1_000_000_000L;
    for (int i = 0; i < 16; i++) {
      long at = start + i * 1_000_000_000L / 15;
      hub.onFrame(new Frame(i, TestFrames.jpeg(16, 16, i), System.currentTimeMillis(), at));
    }

    assertThat(hub.fps(start + 1_000_000_000L)).isCloseTo(15.0, org.assertj.core.data.Offset
        .offset(0.01));
    assertThat(hub.fps(start + 10_000_000_000L)).isZero();
  }
}
