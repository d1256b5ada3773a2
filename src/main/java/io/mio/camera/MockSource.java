package io.mio.camera;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in camera for demos and tests: colour bars, a clock and a moving ball at the
 * configured size and rate. Each frame carries its id and capture time in a JPEG comment
 * ({@code mio frame=<id> ts=<epochMillis>}).
 *
 * <p>Cheap by construction ({@link MockRenderer}): the full picture is encoded once at start, the band with the ball
 * once per position (the first time it is shown), and only the rows with the clock once a
 * second; each frame is spliced from encoded rows (see {@link JpegRows}), so a frame costs a
 * byte copy, not an encode. Pictures too small for separate bands are encoded whole per frame,
 * which is cheap at that size.
 *
 * <p>Threads: one scheduler thread produces frames and refreshes the clock; {@link #close()}
 * stops it. The listener is called on that thread.
 */
public final class MockSource implements FrameSource {

  private static final Logger LOG = LoggerFactory.getLogger(MockSource.class);
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final CameraStats stats = new CameraStats();
  private final AtomicLong nextId = new AtomicLong(1);
  private final AtomicReference<CameraSettings> settings;
  /** Guarded by {@code this}: the running scheduler, replaced on reconfigure. */
  private ScheduledExecutorService scheduler;
  private volatile FrameListener listener;
  /** Only touched by the scheduler thread. */
  private long lastTickNanos = System.nanoTime() - 1_000_000_000L;
  /** Frames the scheduler thread may still send; see {@link #tick}. */
  private double credit;

  public MockSource(CameraSettings settings) {
    this.settings = new AtomicReference<>(settings);
  }

  @Override
  public synchronized void start(FrameListener frameListener) {
    this.listener = frameListener;
    launch(settings.get());
  }

  @Override
  public synchronized void reconfigure(CameraSettings next) {
    settings.set(next);
    if (scheduler != null) {
      stopScheduler();
      stats.restarts.incrementAndGet();
      launch(next);
    }
  }

  @Override
  public void restart() {
    reconfigure(settings.get());
  }

  @Override
  public String describe() {
    CameraSettings s = settings.get();
    return "mock " + s.resolution() + "@" + s.fps();
  }

  @Override
  public CameraStats stats() {
    return stats;
  }

  @Override
  public synchronized void close() {
    stopScheduler();
    stats.state(CameraStats.State.STOPPED);
  }

  private void launch(CameraSettings s) {
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("camera-mock").daemon().factory());
    scheduler.scheduleAtFixedRate(new Ticks(s), 0, MockRenderer.periodNanos(s),
        TimeUnit.NANOSECONDS);
    stats.state(CameraStats.State.RUNNING);
  }

  /**
   * The scheduled task. The renderer is built on the camera thread, so the node's start does not
   * wait for it. A scheduled task that throws is never run again, so nothing may escape: a
   * failure (an OutOfMemoryError at a huge size, say) is reported and retried once a second.
   * Only touched by the scheduler thread.
   */
  private final class Ticks implements Runnable {

    private final CameraSettings settings;
    private MockRenderer renderer;
    private boolean failing;
    /** When the last failure happened; read only while {@code failing}. */
    private long failedAtNanos;

    Ticks(CameraSettings settings) {
      this.settings = settings;
    }

    @Override
    public void run() {
      try {
        if (renderer == null && retryDue()) {
          renderer = new MockRenderer(settings);
          recovered();
        }
        if (renderer != null) {
          tick(renderer);
        }
      } catch (RuntimeException | Error e) {
        failed(e);
      }
    }

    private boolean retryDue() {
      return !failing || System.nanoTime() - failedAtNanos >= RETRY_NANOS;
    }

    private void recovered() {
      if (failing) {
        LOG.info("camera mock: running again");
        failing = false;
      }
      stats.state(CameraStats.State.RUNNING);
    }

    private void failed(Throwable e) {
      if (!failing) {
        LOG.warn("camera mock: {}; retrying every second; a smaller MIO_RESOLUTION or a larger"
            + " heap (-Xmx) helps when memory ran out", e.toString());
      }
      renderer = null;
      failing = true;
      failedAtNanos = System.nanoTime();
      stats.state(CameraStats.State.FAILED);
      stats.lastError("mock camera failed: " + e);
    }
  }

  private void stopScheduler() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  private void tick(MockRenderer renderer) {
    // A fixed-rate schedule that fell behind (GC, a busy machine) runs the missed ticks back to
    // back. A real camera never bursts, so ticks earn at most two frames of credit: one late
    // tick is made up, a long stall is not replayed.
    long now = System.nanoTime();
    credit = Math.min(2.0, credit + (now - lastTickNanos) / (double) renderer.periodNanos);
    lastTickNanos = now;
    if (credit < 1.0) {
      return;
    }
    credit -= 1.0;
    try {
      long id = nextId.getAndIncrement();
      long epochMillis = System.currentTimeMillis();
      long nanos = System.nanoTime();
      byte[] jpeg = renderer.frame(id, epochMillis);
      stats.framesCaptured.incrementAndGet();
      FrameListener l = listener;
      if (l != null) {
        l.onFrame(new Frame(id, jpeg, epochMillis, nanos));
      }
    } catch (RuntimeException e) {
      // One bad frame is reported and skipped; an Error goes to the caller, which rebuilds.
      stats.lastError("mock frame failed: " + e);
    }
  }
}
