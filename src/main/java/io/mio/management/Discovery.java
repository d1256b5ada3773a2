package io.mio.management;

import java.time.Instant;

/**
 * How a node came into the registry: added by a person ({@code manual}, approved at once) or
 * announced by the node itself ({@code discovered}, pending until approved). Only approved nodes
 * are probed.
 *
 * @param lastAnnounceAt the newest announcement; null for manual nodes
 */
public record Discovery(Source source, boolean approved, Instant firstSeen,
    Instant lastAnnounceAt) {

  /** Where a registry entry came from; the names are the API's lower-case words. */
  public enum Source {
    MANUAL, DISCOVERED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
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
