package io.mio.management;

import io.mio.http.ApiException;
import io.mio.http.Json;
import io.mio.net.NodeTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON body of a node write into a {@link Node}, checking every field and reporting
 * all problems at once ({@code 400 VALIDATION_ERROR}). {@code POST} creates, {@code PUT}
 * replaces (omitted optional fields take their defaults; a same-type auth without its secret
 * keeps the stored secret), {@code PATCH} is a JSON merge patch (RFC 7396) of the stored node.
 * Discovery data and {@code last_seen} belong to the hub and are kept.
 */
final class NodeValidator {

  static final int MAX_NAME = 100;
  static final int MAX_URL = 2048;
  static final int MAX_LABELS = 32;
  static final int MAX_LABEL_VALUE = 256;
  static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Set<String> FIELDS =
      Set.of("id", "name", "base_url", "auth", "labels", "transport");
  private static final Set<String> READ_ONLY = Set.of("discovery", "last_seen", "etag");
  private static final Pattern ENCODED_QUERY_OR_FRAGMENT = Pattern.compile("%(3[Ff]|23)");
  private static final Pattern ENCODED_CONTROL = Pattern.compile("%([01][0-9A-Fa-f]|7[Ff])");

  private NodeValidator() {}

  static Node create(JsonNode body, Instant now) {
    return read(object(body), null, Discovery.manual(now));
  }

  static Node replace(Node stored, JsonNode body) {
    return read(object(body), stored, stored.discovery());
  }

  static Node merge(Node stored, JsonNode patch) {
    ObjectNode doc = writable(stored);
    JsonMergePatch.apply(doc, object(patch));
    return read(doc, stored, stored.discovery());
  }

  private static Node read(ObjectNode body, Node stored, Discovery discovery) {
    FieldErrors errors = new FieldErrors();
    errors.unknownFields(body, "", FIELDS, READ_ONLY);
    String id = id(body, stored, errors);
    Optional<String> name = errors.string(body, "name", "name", true);
    name.filter(n -> n.isBlank() || n.codePointCount(0, n.length()) > MAX_NAME
        || FieldErrors.hasControlCharacters(n)).ifPresent(n -> errors.add("name",
            "name must be 1-" + MAX_NAME + " printable characters, got " + n.length()));
    URI baseUrl = errors.string(body, "base_url", "base_url", true)
        .map(u -> baseUrl(u, errors)).orElse(null);
    NodeAuth auth = AuthInput.read(body.get("auth"), stored == null ? null : stored.auth(),
        errors);
    Map<String, String> labels = labels(body.get("labels"), errors);
    String transport = errors.string(body, "transport", "transport", false).orElse(Node.HTTP);
    if (!transport.equals(Node.HTTP)) {
      errors.add("transport", "transport must be http, got '" + transport + "'");
    }
    errors.throwIfAny();
    return new Node(id, name.orElseThrow().strip(), baseUrl, auth, labels, transport, discovery,
        stored == null ? null : stored.lastSeen());
  }

  private static String id(ObjectNode body, Node stored, FieldErrors errors) {
    Optional<String> id = errors.string(body, "id", "id", stored == null);
    if (stored != null) {
      id.filter(i -> !i.equals(stored.id())).ifPresent(i -> errors.add("id",
          "id cannot change (this node is " + stored.id() + "); create a new node instead"));
      return stored.id();
    }
    id.filter(i -> !Node.ID.matcher(i).matches()).ifPresent(i -> errors.add("id", "id must be"
        + " 1-63 lower-case letters, digits or dashes, starting with a letter or digit"));
    return id.orElse(null);
  }

  /**
   * Validates on the raw URI, never decoding and re-encoding it: {@code %3F} stays {@code %3F}
   * rather than becoming a query. Host, port and path go through {@link NodeTarget#parse}, the
   * check every node call makes, so a URL stored here is one the hub will call. Messages quote
   * the URL only once user-info (which may hold a password) has been refused.
   */
  static URI baseUrl(String text, FieldErrors errors) {
    URI uri;
    try {
      uri = text.length() > MAX_URL ? null : new URI(text);
    } catch (URISyntaxException e) {
      uri = null;
    }
    String problem = uri == null ? "must be an absolute URL of at most " + MAX_URL
        + " characters like http://192.168.1.20:8000" : urlProblem(uri);
    NodeTarget target = null;
    if (problem == null) {
      try {
        target = NodeTarget.parse(uri);
      } catch (IllegalArgumentException e) {
        problem = "is refused: " + e.getMessage();
      }
    }
    if (problem != null) {
      errors.add("base_url", "base_url " + problem);
      return null;
    }
    String path = target.basePath().replaceAll("/+$", "");
    String port = uri.getPort() == -1 ? "" : ":" + target.port();
    String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
    return URI.create(target.scheme() + "://" + host + port + path);
  }

  private static String urlProblem(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "must start with http:// or https://";
    }
    if (uri.isOpaque() || uri.getHost() == null) {
      return "has no valid host name or address";
    }
    if (uri.getRawUserInfo() != null || String.valueOf(uri.getRawAuthority()).contains("@")) {
      return "must not contain user:password@; put credentials in auth instead";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null
        || ENCODED_QUERY_OR_FRAGMENT.matcher(uri.getRawPath()).find()) {
      return "must not have a query (?...) or fragment (#...), also not percent-encoded";
    }
    if (ENCODED_CONTROL.matcher(uri.getRawPath()).find()) {
      return "must not contain control characters, also not percent-encoded";
    }
    if (uri.getPath().contains("/..") || uri.getPath().contains("/./")) {
      return "must not contain . or .. path segments";
    }
    return null;
  }

  private static Map<String, String> labels(JsonNode labels, FieldErrors errors) {
    Map<String, String> out = new LinkedHashMap<>();
    if (labels == null || labels.isNull()) {
      return out;
    }
    if (!labels.isObject()) {
      errors.add("labels", "labels must be an object of strings, got " + FieldErrors.kind(labels));
      return out;
    }
    if (labels.size() > MAX_LABELS) {
      errors.add("labels", "labels may hold at most " + MAX_LABELS + " entries, got "
          + labels.size());
    }
    labels.properties().forEach(e -> label(e.getKey(), e.getValue(), out, errors));
    return out;
  }

  private static void label(String key, JsonNode value, Map<String, String> out,
      FieldErrors errors) {
    String path = "labels." + key;
    if (!LABEL_KEY.matcher(key).matches()) {
      errors.add(path, "label keys must be 1-63 letters, digits, '.', '_' or '-', starting with"
          + " a letter or digit");
    } else if (!value.isString()) {
      errors.add(path, path + " must be a string, got " + FieldErrors.kind(value));
    } else if (value.stringValue().length() > MAX_LABEL_VALUE
        || FieldErrors.hasControlCharacters(value.stringValue())) {
      errors.add(path, path + " must be at most " + MAX_LABEL_VALUE + " printable characters");
    } else {
      out.put(key, value.stringValue());
    }
  }

  private static ObjectNode object(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.validation(Map.of("body", "the body must be a JSON object, got "
          + (body == null ? "nothing" : FieldErrors.kind(body))));
    }
    return (ObjectNode) body;
  }

  /** The fields a client may write, as stored (secrets left out: absent means "keep"). */
  private static ObjectNode writable(Node n) {
    ObjectNode doc = RegistryCodec.encode(n);
    doc.remove(READ_ONLY);
    ObjectNode auth = (ObjectNode) doc.get("auth");
    auth.remove(Set.of("token", "password"));
    return doc.deepCopy();
  }

  static ObjectNode emptyObject() {
    return Json.object();
  }
}
