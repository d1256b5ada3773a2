package io.mio.management;

import io.mio.http.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry file format, {@code {"schema":1,"nodes":[...]}}, secrets included (the file is
 * the one place they are kept, with mode 0600). Decoding is strict: anything it does not
 * understand is a {@link RegistryFormatException}, because guessing could lose a node on the
 * next write.
 */
final class RegistryCodec {

  static final int SCHEMA = 1;

  private RegistryCodec() {}

  static byte[] encode(List<Node> nodes) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    nodes.forEach(n -> root.withArray("nodes").add(encode(n)));
    if (nodes.isEmpty()) {
      root.putArray("nodes");
    }
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  static ObjectNode encode(Node n) {
    ObjectNode o = Json.object();
    o.put("id", n.id());
    o.put("name", n.name());
    o.put("base_url", n.baseUrl().toString());
    ObjectNode auth = o.putObject("auth");
    auth.put("type", n.auth().type().word());
    switch (n.auth().type()) {
      case NONE -> { }
      case BEARER -> auth.put("token", n.auth().secret());
      case BASIC -> auth.put("username", n.auth().username()).put("password", n.auth().secret());
    }
    ObjectNode labels = o.putObject("labels");
    n.sortedLabels().forEach(labels::put);
    o.put("transport", n.transport());
    ObjectNode d = o.putObject("discovery");
    d.put("source", n.discovery().source().word());
    d.put("approved", n.discovery().approved());
    d.put("first_seen", n.discovery().firstSeen().toString());
    d.put("last_announce_at", text(n.discovery().lastAnnounceAt()));
    Discovery.Announced a = n.discovery().announced();
    if (a != null) {
      d.putObject("announced").put("name", a.name()).put("base_url", a.baseUrl())
          .put("auth_digest", a.authDigest());
    }
    o.put("last_seen", text(n.lastSeen()));
    return o;
  }

  static List<Node> decode(byte[] bytes) throws RegistryFormatException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      // Never quote the parser's message: it echoes file content, which may be a secret.
      var at = e.getLocation();
      throw new RegistryFormatException("it is not valid JSON"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + "; open it in an editor and repair the JSON there");
    }
    if (root == null || !root.isObject() || !root.path("schema").isInt()) {
      throw new RegistryFormatException("it is not a registry: expected {\"schema\":"
          + SCHEMA + ",\"nodes\":[...]}");
    }
    int schema = root.get("schema").intValue();
    if (schema != SCHEMA) {
      throw new RegistryFormatException("it has schema " + schema + " but this version reads"
          + " schema " + SCHEMA + " only (written by a newer motion-in-ocean?)");
    }
    if (!root.path("nodes").isArray()) {
      throw new RegistryFormatException("\"nodes\" is missing or not an array");
    }
    return decodeNodes(root.get("nodes"));
  }

  private static List<Node> decodeNodes(JsonNode array) throws RegistryFormatException {
    List<Node> nodes = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Node n;
      try {
        n = decodeNode(array.get(i));
      } catch (RuntimeException e) {
        // The cause's text can quote field values, secrets included: name the entry, not them.
        throw new RegistryFormatException("node #" + (i + 1) + " is invalid: a field is missing"
            + " or has a wrong type or value; compare it with the other entries or restore a"
            + " backup");
      }
      if (!ids.add(n.id())) {
        throw new RegistryFormatException("node id " + n.id() + " appears twice");
      }
      nodes.add(n);
    }
    return List.copyOf(nodes);
  }

  private static Node decodeNode(JsonNode o) {
    JsonNode auth = o.required("auth");
    NodeAuth.Type type = NodeAuth.Type.of(auth.required("type").stringValue())
        .orElseThrow(() -> new IllegalArgumentException("unknown auth type"));
    NodeAuth nodeAuth = new NodeAuth(type, optional(auth, "username"),
        type == NodeAuth.Type.BEARER ? optional(auth, "token") : optional(auth, "password"));
    Map<String, String> labels = new LinkedHashMap<>();
    o.required("labels").properties().forEach(e -> labels.put(e.getKey(),
        e.getValue().stringValue()));
    JsonNode d = o.required("discovery");
    Discovery discovery = new Discovery(
        Discovery.Source.valueOf(d.required("source").stringValue().toUpperCase(
            java.util.Locale.ROOT)),
        d.required("approved").booleanValue(), Instant.parse(d.required("first_seen")
            .stringValue()), instant(d, "last_announce_at"), announced(d.get("announced")));
    return new Node(o.required("id").stringValue(), o.required("name").stringValue(),
        URI.create(o.required("base_url").stringValue()), nodeAuth, labels,
        o.required("transport").stringValue(), discovery, instant(o, "last_seen"));
  }

  private static Discovery.Announced announced(JsonNode a) {
    return a == null || a.isNull() ? null : new Discovery.Announced(
        a.required("name").stringValue(), a.required("base_url").stringValue(),
        a.required("auth_digest").stringValue());
  }

  private static String optional(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.stringValue();
  }

  private static Instant instant(JsonNode o, String field) {
    String v = optional(o, field);
    return v == null ? null : Instant.parse(v);
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  /** The file exists but cannot be understood; the message says what is wrong with it. */
  static final class RegistryFormatException extends Exception {

    RegistryFormatException(String problem) {
      super(problem, null, false, false);
    }
  }
}
