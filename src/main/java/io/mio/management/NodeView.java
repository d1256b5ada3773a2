package io.mio.management;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API shape of a node: {@code {"id","name","base_url","auth":{"type","username"?,
 * "secret_set"},"labels","transport","discovery":{...},"last_seen","etag"}}. Secrets never
 * appear; {@code last_seen} is the newest of the stored and the in-memory value.
 */
final class NodeView {

  private final Etags etags;
  private final LastSeen lastSeen;

  NodeView(Etags etags, LastSeen lastSeen) {
    this.etags = etags;
    this.lastSeen = lastSeen;
  }

  String etag(Node node) {
    return etags.of(node);
  }

  Instant lastSeen(Node node) {
    return lastSeen.of(node);
  }

  boolean ifMatch(String header, Node node) {
    return etags.ifMatch(header, node);
  }

  Map<String, Object> list(List<Node> nodes) {
    return Map.of("nodes", nodes.stream().sorted(java.util.Comparator.comparing(Node::id))
        .map(this::of).toList());
  }

  Map<String, Object> of(Node n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", n.id());
    out.put("name", n.name());
    out.put("base_url", n.baseUrl().toString());
    out.put("auth", auth(n.auth()));
    out.put("labels", n.sortedLabels());
    out.put("transport", n.transport());
    out.put("discovery", discovery(n.discovery()));
    out.put("last_seen", text(lastSeen.of(n)));
    out.put("etag", etags.of(n));
    return out;
  }

  private static Map<String, Object> auth(NodeAuth auth) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", auth.type().word());
    if (auth.username() != null) {
      out.put("username", auth.username());
    }
    out.put("secret_set", auth.secretSet());
    return out;
  }

  private static Map<String, Object> discovery(Discovery d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", d.source().word());
    out.put("approved", d.approved());
    out.put("first_seen", text(d.firstSeen()));
    out.put("last_announce_at", text(d.lastAnnounceAt()));
    return out;
  }

  static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
