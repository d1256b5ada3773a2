package io.mio.net;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.time.Duration;

/**
 * What a {@link NodeClient} is configured with: the address policy and its limits.
 *
 * @param policy which addresses may be called
 * @param connectTimeout how long to wait for a node to accept the connection
 * @param totalTimeout how long one call may take in all, connect included
 * @param maxResponseBytes the largest body accepted; a larger one fails the call unread
 */
public record NodeClientSettings(SsrfPolicy policy, Duration connectTimeout,
    Duration totalTimeout, int maxResponseBytes) {

  /** Large enough for any status or settings document, small enough to hold per probe. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofMillis(2500);
  // A LAN node accepts within milliseconds; 2 s leaves room for one lost SYN (Linux resends it
  // after 1 s) without letting a dead host use up a whole overview deadline.
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  public NodeClientSettings {
    if (!connectTimeout.isPositive() || !totalTimeout.isPositive() || maxResponseBytes < 1) {
      throw new IllegalArgumentException("timeouts and the size cap must be positive, got connect="
          + connectTimeout + " total=" + totalTimeout + " maxResponseBytes=" + maxResponseBytes);
    }
  }

  /** The given policy with the default limits. */
  public static NodeClientSettings of(SsrfPolicy policy) {
    return of(policy, DEFAULT_TOTAL_TIMEOUT);
  }

  /** The given policy and total timeout; the connect timeout is the smaller of it and 2 s. */
  public static NodeClientSettings of(SsrfPolicy policy, Duration totalTimeout) {
    Duration connect = totalTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0
        ? totalTimeout : MAX_CONNECT_TIMEOUT;
    return new NodeClientSettings(policy, connect, totalTimeout, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /**
   * Reads {@code MIO_NODE_ALLOWED_NETWORKS} and {@code MIO_NODE_TIMEOUT_SECONDS} (0.1-60 s);
   * problems go to the reader, which reports them all on {@code validate()}.
   */
  public static NodeClientSettings read(ConfigReader config) {
    SsrfPolicy policy = SsrfPolicy.read(config);
    Duration total = config.seconds(ConfigKeys.NODE_TIMEOUT_SECONDS, DEFAULT_TOTAL_TIMEOUT,
        Duration.ofMillis(100), Duration.ofSeconds(60));
    return of(policy, total);
  }

  /** The same settings with another size cap. */
  public NodeClientSettings withMaxResponseBytes(int bytes) {
    return new NodeClientSettings(policy, connectTimeout, totalTimeout, bytes);
  }
}
