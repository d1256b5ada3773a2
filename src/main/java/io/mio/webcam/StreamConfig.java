package io.mio.webcam;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.time.Duration;

/**
 * How the node serves its stream clients.
 *
 * @param maxConnections stream clients served at once; one more gets 429
 * @param maxFrameAge a newest frame older than this makes the node not ready and snapshots 503
 * @param writeTimeout a stream client that takes no bytes for this long is disconnected
 */
public record StreamConfig(int maxConnections, Duration maxFrameAge, Duration writeTimeout) {

  public static final int MAX_CONNECTIONS_LIMIT = 2000;

  /** Reads the stream settings; the frame-age limit is the camera's, read once there. */
  public static StreamConfig read(ConfigReader r, Duration maxFrameAge) {
    int max = r.integer(ConfigKeys.MAX_STREAM_CONNECTIONS, 20, 1, MAX_CONNECTIONS_LIMIT);
    // At least 2 s: during a camera stall a stream still gets one part per second.
    Duration write = r.seconds(ConfigKeys.STREAM_WRITE_TIMEOUT_SECONDS, Duration.ofSeconds(10),
        Duration.ofSeconds(2), Duration.ofMinutes(10));
    return new StreamConfig(max, maxFrameAge, write);
  }
}
