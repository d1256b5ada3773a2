package io.mio.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down token guessing: a client address that fails authentication too often within a
 * window is refused until the window ends. Keyed by the socket peer address (never a forwarding
 * header, which a client can forge); IPv6 clients are grouped by their /64, since one host
 * usually owns a whole /64 and could otherwise rotate addresses.
 *
 * <p>Thread-safe: one fixed-window counter per address in a concurrent map, updated atomically
 * with {@code compute}. The map is bounded: once it holds {@link #MAX_TRACKED} addresses, ended
 * windows are dropped first.
 */
public final class AuthFailureLimiter {

  /** Tracked addresses before expired windows are purged; bounds memory under a spray. */
  static final int MAX_TRACKED = 10_000;

  private record Window(long startNanos, int failures) {}

  private final int maxFailures;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<InetAddress, Window> windows = new ConcurrentHashMap<>();

  /**
   * @param maxFailures failures allowed per window; the next request within it is refused
   * @param window how long failures are remembered and a refusal lasts at most
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  public AuthFailureLimiter(int maxFailures, Duration window, LongSupplier nanoClock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("need maxFailures >= 1 and a positive window, got "
          + maxFailures + " and " + window);
    }
    this.maxFailures = maxFailures;
    this.windowNanos = window.toNanos();
    this.clock = nanoClock;
  }

  /** Ten failures a minute: generous for a person mistyping, useless for guessing 256 bits. */
  public static AuthFailureLimiter standard() {
    return new AuthFailureLimiter(10, Duration.ofMinutes(1), System::nanoTime);
  }

  /** How long the address must wait before trying again; empty when it may try now. */
  public Optional<Duration> retryAfter(InetAddress client) {
    Window w = windows.get(key(client));
    long now = clock.getAsLong();
    if (w == null || w.failures() < maxFailures || now - w.startNanos() >= windowNanos) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(windowNanos - (now - w.startNanos())));
  }

  /**
   * Throws {@code 429 TOO_MANY_AUTH_FAILURES} with {@code Retry-After} while the address must
   * wait; guards call it before looking at credentials, so a guesser learns nothing meanwhile.
   */
  public void refuseIfLimited(InetAddress client) {
    Optional<Duration> wait = retryAfter(client);
    if (wait.isEmpty()) {
      return;
    }
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
    throw new ApiException(429, "TOO_MANY_AUTH_FAILURES",
        "too many failed authentication attempts from this address; wait " + seconds
            + " s and use the right credentials",
        Map.of("retry_after_seconds", seconds), Map.of("Retry-After", Long.toString(seconds)));
  }

  /** Counts one failed authentication of the address. */
  public void recordFailure(InetAddress client) {
    long now = clock.getAsLong();
    if (windows.size() >= MAX_TRACKED) {
      windows.values().removeIf(w -> now - w.startNanos() >= windowNanos);
    }
    windows.compute(key(client), (k, w) -> w == null || now - w.startNanos() >= windowNanos
        ? new Window(now, 1)
        : new Window(w.startNanos(), w.failures() + 1));
  }

  /** Forgets the failures of an address that authenticated correctly. */
  public void recordSuccess(InetAddress client) {
    windows.remove(key(client));
  }

  int trackedAddresses() {
    return windows.size();
  }

  private static InetAddress key(InetAddress client) {
    if (!(client instanceof Inet6Address)) {
      return client;
    }
    byte[] prefix = Arrays.copyOf(client.getAddress(), 16);
    Arrays.fill(prefix, 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(prefix);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }
}
