package io.mio.management;

import io.mio.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What an announcement does to the registry. The first one from a node id creates a node pending
 * approval; later ones refresh {@code last_announce_at} (at most every
 * {@link #RECORD_ANNOUNCE_EVERY} when nothing else changes) and take over the announced name,
 * base URL and callback credentials, but only for fields still holding what the node announced
 * before: a field an operator edited (it no longer equals the recorded announcement) is the
 * operator's from then on. Labels are never touched. A node added by hand keeps everything; only
 * its {@code last_announce_at} moves.
 *
 * <p>An approved node whose re-announcement moves its base URL, or announces other callback
 * credentials, goes back to pending: otherwise anyone holding the shared secret could redirect
 * an approved node, with the operator's credentials, to a URL of their choosing.
 *
 * <p>Pure functions over the node list; {@link NodeRegistry#update} supplies the locking.
 */
final class DiscoveryIntake {

  /**
   * Pending (unapproved) discovered nodes the registry holds at most. Announcements are cheap for
   * anyone with the shared secret; without a cap they could fill the registry file and the
   * operator's pending list without bound. New nodes beyond it are refused until an operator
   * approves or rejects some; re-announcements of known nodes still work.
   */
  static final int MAX_PENDING = 100;

  /**
   * The outcome of one announcement.
   *
   * @param before the node as stored before, null when this announcement created it
   */
  record Outcome(Node node, Node before) {

    boolean created() {
      return before == null;
    }

    /** An approved node went back to pending because its URL or credentials changed. */
    boolean unapproved() {
      return before != null && before.approved() && !node.approved();
    }
  }

  private DiscoveryIntake() {}

  static Outcome apply(List<Node> nodes, AnnounceRequest a, Instant now) {
    for (int i = 0; i < nodes.size(); i++) {
      Node stored = nodes.get(i);
      if (stored.id().equals(a.nodeId())) {
        Node next = refresh(stored, a, now);
        nodes.set(i, next);
        return new Outcome(next, stored);
      }
    }
    refuseIfTooManyPending(nodes);
    Discovery d = new Discovery(Discovery.Source.DISCOVERED, false, now, now, announced(a));
    Node created = new Node(a.nodeId(), a.name(), a.baseUrl(), a.auth(), Map.of(), Node.HTTP, d,
        null);
    nodes.add(created);
    return new Outcome(created, null);
  }

  private static void refuseIfTooManyPending(List<Node> nodes) {
    long pending = nodes.stream().filter(n -> !n.approved()).count();
    if (pending >= MAX_PENDING) {
      throw new ApiException(429, "TOO_MANY_PENDING_NODES", "the hub already holds " + pending
          + " nodes pending approval; approve or reject pending nodes before new ones can"
          + " announce themselves", Map.of("pending", pending, "max_pending", MAX_PENDING));
    }
  }

  /**
   * A re-announcement that changes nothing but the time is recorded at most this often, so a
   * node announcing every 30 s does not cost the hub a registry write (and fsync, on an SD card)
   * every 30 s.
   */
  static final Duration RECORD_ANNOUNCE_EVERY = Duration.ofMinutes(5);

  private static Node refresh(Node stored, AnnounceRequest a, Instant now) {
    Node next = refreshed(stored, a, now);
    Instant last = stored.discovery().lastAnnounceAt();
    if (last != null && Duration.between(last, now).compareTo(RECORD_ANNOUNCE_EVERY) < 0
        && withLastAnnounce(next, last).equals(stored)) {
      return stored;
    }
    return next;
  }

  private static Node withLastAnnounce(Node n, Instant at) {
    Discovery d = n.discovery();
    return new Node(n.id(), n.name(), n.baseUrl(), n.auth(), n.labels(), n.transport(),
        new Discovery(d.source(), d.approved(), d.firstSeen(), at, d.announced()), n.lastSeen());
  }

  private static Node refreshed(Node stored, AnnounceRequest a, Instant now) {
    Discovery d = stored.discovery();
    Discovery.Announced before = d.announced();
    if (before == null) {
      return new Node(stored.id(), stored.name(), stored.baseUrl(), stored.auth(),
          stored.labels(), stored.transport(), new Discovery(d.source(), d.approved(),
              d.firstSeen(), now, null), stored.lastSeen());
    }
    String name = stored.name().equals(before.name()) ? a.name() : stored.name();
    var url = stored.baseUrl().toString().equals(before.baseUrl()) ? a.baseUrl()
        : stored.baseUrl();
    NodeAuth auth = authDigest(stored.auth()).equals(before.authDigest()) ? a.auth()
        : stored.auth();
    boolean moved = !url.equals(stored.baseUrl())
        || !authDigest(a.auth()).equals(before.authDigest());
    Discovery next = new Discovery(d.source(), d.approved() && !moved, d.firstSeen(), now,
        announced(a));
    return new Node(stored.id(), name, url, auth, stored.labels(), stored.transport(), next,
        stored.lastSeen());
  }

  private static Discovery.Announced announced(AnnounceRequest a) {
    return new Discovery.Announced(a.name(), a.baseUrl().toString(), authDigest(a.auth()));
  }

  /**
   * A SHA-256 of the auth's type, user and secret: enough to notice that an operator changed
   * it, without keeping a second copy of the secret in the file.
   */
  static String authDigest(NodeAuth auth) {
    String text = auth.type().word() + "\n" + (auth.username() == null ? "" : auth.username())
        + "\n" + (auth.secret() == null ? "" : auth.secret());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
