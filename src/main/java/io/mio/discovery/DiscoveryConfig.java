package io.mio.discovery;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how a webcam node announces itself to a hub. Discovery is on only when both the hub
 * URL and the shared secret are set; one without the other is a configuration problem.
 */
public record DiscoveryConfig(
    Optional<URI> managementUrl,
    String sharedSecret,
    Optional<URI> advertiseUrl,
    Duration interval) {

  public boolean enabled() {
    return managementUrl.isPresent() && !sharedSecret.isEmpty();
  }

  public static DiscoveryConfig read(ConfigReader r) {
    Optional<URI> hub = Optional.ofNullable(
        r.parsed(ConfigKeys.DISCOVERY_MANAGEMENT_URL, null, DiscoveryConfig::httpUrl));
    String secret = r.string(ConfigKeys.NODE_DISCOVERY_SHARED_SECRET, "");
    Optional<URI> advertise = Optional.ofNullable(
        r.parsed(ConfigKeys.DISCOVERY_ADVERTISE_URL, null, DiscoveryConfig::httpUrl));
    Duration interval = r.seconds(ConfigKeys.DISCOVERY_INTERVAL_SECONDS, Duration.ofSeconds(30),
        Duration.ofSeconds(1), Duration.ofHours(1));
    if (hub.isPresent() && secret.isEmpty()) {
      r.problem(ConfigKeys.NODE_DISCOVERY_SHARED_SECRET,
          "must be set when MIO_DISCOVERY_MANAGEMENT_URL is set (the hub refuses announcements"
              + " without it)");
    }
    return new DiscoveryConfig(hub, secret, advertise, interval);
  }

  static URI httpUrl(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("must be an http:// or https:// URL");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("must be an http:// or https:// URL with a host and no"
          + " user-info, like http://192.168.1.100:8001");
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }
}
