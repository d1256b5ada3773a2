package io.mio.stream;

import io.mio.camera.Frame;
import io.mio.camera.FrameListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the newest frame of one camera and lets stream sessions wait for a newer one. It keeps
 * exactly one frame: there is no queue, so a slow client simply picks up whatever is newest when
 * it is ready again, and memory does not grow with slow or stalled clients (each of them pins at
 * most the one frame it is sending).
 *
 * <p>Threads: the camera's thread calls {@link #onFrame}, which takes the lock only to swap a
 * reference and wake waiters, so a camera is never slowed by clients. Any number of session
 * threads (virtual threads, one per client) call {@link #awaitNewer}. {@link #latest} reads
 * without the lock; {@link #fps} takes it briefly (per scrape, not per frame).
 */
public final class FrameHub implements FrameListener {

  /** A frame as published here, numbered by the hub so that camera restarts cannot confuse it. */
  public record Published(long sequence, Frame frame) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition published = lock.newCondition();
  private final RateMeter rate = new RateMeter();

  /** Written under {@link #lock}; volatile so that {@link #latest} can read without it. */
  private volatile Published latest;
  /** Written under {@link #lock}. */
  private volatile boolean closed;

  @Override
  public void onFrame(Frame frame) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      long next = latest == null ? 1 : latest.sequence() + 1;
      latest = new Published(next, frame);
      rate.record(frame.captureNanos());
      published.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The newest frame, if any frame arrived yet. */
  public Optional<Published> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * Waits until a frame newer than {@code haveSequence} is published and returns the newest one;
   * empty when {@code timeout} passes first or the hub is closed. Pass 0 to get any frame.
   */
  public Optional<Published> awaitNewer(long haveSequence, Duration timeout)
      throws InterruptedException {
    Published now = latest;
    if (now != null && now.sequence() > haveSequence) {
      return Optional.of(now);
    }
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (!closed && (latest == null || latest.sequence() <= haveSequence)) {
        if (remaining <= 0) {
          return Optional.empty();
        }
        remaining = published.awaitNanos(remaining);
      }
      return closed ? Optional.empty() : Optional.of(latest);
    } finally {
      lock.unlock();
    }
  }

  /** Frames per second measured over the last frames, 0 when none arrived lately. */
  public double fps(long nowNanos) {
    lock.lock();
    try {
      return rate.perSecond(nowNanos);
    } finally {
      lock.unlock();
    }
  }

  /** Age of the newest frame in millis, empty before the first frame. */
  public Optional<Long> ageMillis(long nowNanos) {
    Published p = latest;
    return p == null ? Optional.empty() : Optional.of(p.frame().ageMillis(nowNanos));
  }

  public boolean isClosed() {
    return closed;
  }

  /** Wakes every waiting session so it can end its stream; later frames are ignored. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      published.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
