package io.mio.camera;

import io.mio.camera.CameraStats.State;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built-in camera for demos and tests: synthetic frames at the configured size and fps, each
 * carrying its id and capture time in a JPEG comment, with a moving ball and a clock so a viewer
 * sees it is live. Cheap enough to run at 1280x720@30 on a Pi (see {@link SplicedFrames}).
 *
 * <p>One platform thread produces frames on a fixed schedule; when it falls behind it skips
 * ahead rather than bursting. Settings changes are picked up by that thread before its next
 * frame.
 */
public final class MockSource implements FrameSource {

  private static final Logger LOG = LoggerFactory.getLogger(MockSource.class);

  private final CameraStats stats = new CameraStats();
  private final AtomicLong nextId = new AtomicLong();
  private volatile CameraSettings settings;
  private volatile boolean rebuild;
  private volatile boolean closed;
  private Thread thread;

  public MockSource(CameraSettings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized void start(FrameListener listener) {
    if (thread != null) {
      throw new IllegalStateException("camera source already started");
    }
    stats.state(State.STARTING);
    thread = Thread.ofPlatform().name("camera-mock").daemon().start(() -> produce(listener));
  }

  @Override
  public String describe() {
    CameraSettings s = settings;
    return "mock " + s.resolution() + "@" + s.fps();
  }

  @Override
  public CameraStats stats() {
    return stats;
  }

  @Override
  public void reconfigure(CameraSettings newSettings) {
    settings = newSettings;
    rebuild = true;
  }

  @Override
  public void restart() {
    stats.restarts.incrementAndGet();
    rebuild = true;
  }

  @Override
  public void close() {
    closed = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      LockSupport.unpark(t);
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stats.state(State.STOPPED);
  }

  private void produce(FrameListener listener) {
    CameraSettings current = settings;
    MockFrames frames = MockSource.frames(current);
    long due = System.nanoTime();
    try {
      while (!closed) {
        if (rebuild) {
          rebuild = false;
          frames.close();
          current = settings;
          frames = MockSource.frames(current);
        }
        emit(frames, listener);
        long period = 1_000_000_000L / current.fps();
        due = Math.max(due + period, System.nanoTime() - period);
        parkUntil(due);
      }
    } catch (RuntimeException e) {
      stats.state(State.FAILED);
      stats.lastError(e.toString());
      LOG.error("camera mock: frame production failed; no more frames", e);
    } finally {
      frames.close();
    }
  }

  private void emit(MockFrames frames, FrameListener listener) {
    long id = nextId.incrementAndGet();
    long epochMillis = System.currentTimeMillis();
    long nanos = System.nanoTime();
    byte[] jpeg = frames.frame(id, epochMillis);
    stats.framesCaptured.incrementAndGet();
    stats.state(State.RUNNING);
    try {
      listener.onFrame(new Frame(id, jpeg, epochMillis, nanos));
    } catch (RuntimeException e) {
      LOG.error("camera mock: frame listener failed; frame dropped", e);
    }
  }

  private void parkUntil(long due) {
    for (long left; !closed && !rebuild && (left = due - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(this, left);
    }
  }

  /** Spliced frames where the picture allows them, fully rendered ones otherwise. */
  static MockFrames frames(CameraSettings s) {
    MockFrames spliced = SplicedFrames.create(s);
    return spliced != null ? spliced : new RenderedFrames(s);
  }
}
