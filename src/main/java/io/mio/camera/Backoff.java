package io.mio.camera;

import java.time.Duration;

/**
 * Delays between restarts of a failing camera: doubling from {@code initial} up to {@code max},
 * back to {@code initial} after a run that stayed healthy. Not thread-safe (the supervisor owns
 * it).
 */
final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration next;

  Backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 < initial <= max, got " + initial + " and " + max);
    }
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** The delay before the next restart; each call doubles the one after. */
  Duration next() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  void reset() {
    next = initial;
  }
}
