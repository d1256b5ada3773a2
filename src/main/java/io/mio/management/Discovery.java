package io.mio.management;

import java.time.Instant;

/**
 * How a node came into the registry: added by a person ({@code manual}, approved at once) or
 * announced by the node itself ({@code discovered}, pending until approved). Only approved nodes
 * are probed.
 *
 * @param lastAnnounceAt the newest announcement; null for manual nodes
 * @param announced what the node itself last announced, so that a re-announcement changes only
 *     fields an operator has not edited since; null for manual nodes
 */
public record Discovery(Source source, boolean approved, Instant firstSeen,
    Instant lastAnnounceAt, Announced announced) {

  /**
   * The values a node announced for the fields an operator may also edit. The auth is kept as a
   * digest ({@link DiscoveryIntake#authDigest}), never as a second copy of the secret.
   */
  public record Announced(String name, String baseUrl, String authDigest) {}

  /** Where a registry entry came from; the names are the API's lower-case words. */
  public enum Source {
    MANUAL, DISCOVERED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A discovery record without announcement data (manual nodes, older files). */
  public Discovery(Source source, boolean approved, Instant firstSeen, Instant lastAnnounceAt) {
    this(source, approved, firstSeen, lastAnnounceAt, null);
  }

  public Discovery {
    if (source == null || firstSeen == null) {
      throw new IllegalArgumentException("discovery needs a source and first_seen");
    }
  }

  /** A node a person added now. */
  public static Discovery manual(Instant now) {
    return new Discovery(Source.MANUAL, true, now, null);
  }
}
