package io.mio.management;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One webcam node in the registry: where it is, how to authenticate to it, how a person labels
 * it, and how it was found. Immutable; {@link NodeValidator} builds it from API input, so the
 * constructor only guards invariants the rest of the hub relies on.
 *
 * @param baseUrl http or https, absolute, without user-info, query or fragment
 * @param labels free-form string pairs, kept sorted by key
 * @param lastSeen when a probe last succeeded; null if never
 */
public record Node(String id, String name, URI baseUrl, NodeAuth auth,
    Map<String, String> labels, String transport, Discovery discovery, Instant lastSeen) {

  /** Lower-case letters, digits and dashes, starting with a letter or digit, 1-63 long. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  /** The only transport there is today; the field exists so others can come. */
  public static final String HTTP = "http";

  public Node {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("node id must match " + ID + ", got " + id);
    }
    if (name == null || baseUrl == null || auth == null || discovery == null) {
      throw new IllegalArgumentException("node " + id + " lacks name, base_url, auth or"
          + " discovery");
    }
    labels = Map.copyOf(labels);
  }

  /** The labels sorted by key, for stable output. */
  public Map<String, String> sortedLabels() {
    return new TreeMap<>(labels);
  }

  public boolean approved() {
    return discovery.approved();
  }

  public Node withLastSeen(Instant seen) {
    return new Node(id, name, baseUrl, auth, labels, transport, discovery, seen);
  }
}
