package io.mio.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AuthFailureLimiter limiter =
      new AuthFailureLimiter(3, Duration.ofSeconds(60), now::get);

  @Test
  void allowsFailuresUpToTheLimit() throws Exception {
    InetAddress a = InetAddress.getByName("192.168.1.10");
    limiter.recordFailure(a);
    limiter.recordFailure(a);

    assertThat(limiter.retryAfter(a)).isEmpty();
  }

  @Test
  void refusesAnAddressThatReachedTheLimitUntilTheWindowEnds() throws Exception {
    InetAddress a = InetAddress.getByName("192.168.1.10");
    for (int i = 0; i < 3; i++) {
      limiter.recordFailure(a);
    }
    now.addAndGet(Duration.ofSeconds(20).toNanos());

    assertThat(limiter.retryAfter(a)).contains(Duration.ofSeconds(40));

    now.addAndGet(Duration.ofSeconds(40).toNanos());
    assertThat(limiter.retryAfter(a)).isEmpty();
  }

  @Test
  void keepsAddressesApart() throws Exception {
    InetAddress a = InetAddress.getByName("192.168.1.10");
    for (int i = 0; i < 3; i++) {
      limiter.recordFailure(a);
    }

    assertThat(limiter.retryAfter(InetAddress.getByName("192.168.1.11"))).isEmpty();
  }

  @Test
  void groupsIpv6ClientsByTheirSlash64() throws Exception {
    for (int i = 1; i <= 3; i++) {
      limiter.recordFailure(InetAddress.getByName("2001:db8:1:2::" + i));
    }

    assertThat(limiter.retryAfter(InetAddress.getByName("2001:db8:1:2::99"))).isPresent();
    assertThat(limiter.retryAfter(InetAddress.getByName("2001:db8:1:3::1"))).isEmpty();
  }

  @Test
  void forgetsFailuresAfterASuccess() throws Exception {
    InetAddress a = InetAddress.getByName("10.0.0.1");
    limiter.recordFailure(a);
    limiter.recordFailure(a);
    limiter.recordSuccess(a);
    limiter.recordFailure(a);
    limiter.recordFailure(a);

    assertThat(limiter.retryAfter(a)).isEmpty();
  }

  @Test
  void dropsEndedWindowsWhenTheTableIsFull() throws Exception {
    for (int i = 0; i < AuthFailureLimiter.MAX_TRACKED; i++) {
      limiter.recordFailure(InetAddress.getByAddress(new byte[] {10, 1, (byte) (i >> 8),
          (byte) i}));
    }
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    limiter.recordFailure(InetAddress.getByName("10.2.0.1"));

    assertThat(limiter.trackedAddresses()).isEqualTo(1);
  }
}
