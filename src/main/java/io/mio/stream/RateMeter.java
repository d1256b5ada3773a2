package io.mio.stream;

/**
 * Frames per second over a short window of recent capture times. Not thread-safe: the owner
 * records under its own lock; a reader may see a slightly stale rate, never a wrong one.
 */
final class RateMeter {

  /** Enough frames to smooth jitter, few enough to follow an fps change within about a second. */
  private static final int WINDOW = 32;
  /** With no frame for this long the rate is reported as 0, not as the last known value. */
  private static final long SILENCE_NANOS = 2_000_000_000L;

  private final long[] times = new long[WINDOW];
  private int count;
  private int next;

  void record(long nanos) {
    times[next] = nanos;
    next = (next + 1) % WINDOW;
    count = Math.min(count + 1, WINDOW);
  }

  double perSecond(long nowNanos) {
    int n = count;
    if (n < 2) {
      return 0;
    }
    long newest = times[(next - 1 + WINDOW) % WINDOW];
    long oldest = times[(next - n + WINDOW) % WINDOW];
    if (nowNanos - newest > SILENCE_NANOS || newest <= oldest) {
      return 0;
    }
    return (n - 1) * 1e9 / (newest - oldest);
  }
}
