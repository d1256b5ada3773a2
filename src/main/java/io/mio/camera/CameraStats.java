package io.mio.camera;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live counters of one camera source, written by the source's threads and read by metrics and
 * status. Plain atomics: readers may see a slightly torn set of values, never a wrong one.
 */
public final class CameraStats {

  /**
   * What the source is doing now: STARTING until its first frame; RUNNING once frames flow;
   * RESTARTING while a failed camera waits for or goes through its restart; FAILED when the
   * camera cannot be started or its last runs produced no frame at all (restarts go on, with
   * the longest backoff); STOPPED after close.
   */
  public enum State { STARTING, RUNNING, RESTARTING, STOPPED, FAILED }

  public final AtomicLong framesCaptured = new AtomicLong();
  public final AtomicLong framesDroppedTruncated = new AtomicLong();
  public final AtomicLong framesDroppedOversized = new AtomicLong();
  public final AtomicLong framesDroppedInvalid = new AtomicLong();
  public final AtomicLong garbageBytes = new AtomicLong();
  public final AtomicLong restarts = new AtomicLong();
  private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
  private final AtomicReference<String> lastError = new AtomicReference<>("");

  public State state() {
    return state.get();
  }

  public void state(State s) {
    state.set(s);
  }

  /** The most recent problem in words (exit code, stderr line), or "" when none. */
  public String lastError() {
    return lastError.get();
  }

  public void lastError(String message) {
    lastError.set(message == null ? "" : message);
  }

  public long framesDropped() {
    return framesDroppedTruncated.get() + framesDroppedOversized.get() + framesDroppedInvalid.get();
  }
}
