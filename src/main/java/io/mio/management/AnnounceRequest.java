package io.mio.management;

import io.mio.http.ApiException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/discovery/announce}: {@code {"node_id","name","base_url",
 * "auth":{"type":"bearer","token"}|{"type":"none"},"version"}}. Fields this hub does not know are
 * ignored, so that a newer node can still join an older hub; the known ones are checked with the
 * registry's rules and every problem is reported at once.
 *
 * @param auth the credentials the hub should use to call the node back
 */
record AnnounceRequest(String nodeId, String name, URI baseUrl, NodeAuth auth, String version) {

  static final int MAX_VERSION = 64;

  static AnnounceRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.validation(Map.of("body", "the announcement must be a JSON object"));
    }
    FieldErrors errors = new FieldErrors();
    Optional<String> id = errors.string(body, "node_id", "node_id", true);
    id.filter(i -> !Node.ID.matcher(i).matches()).ifPresent(i -> errors.add("node_id",
        "node_id must be 1-63 lower-case letters, digits or dashes"));
    Optional<String> name = errors.string(body, "name", "name", true);
    name.filter(n -> n.isBlank() || n.length() > NodeValidator.MAX_NAME
        || FieldErrors.hasControlCharacters(n)).ifPresent(n -> errors.add("name",
            "name must be 1-" + NodeValidator.MAX_NAME + " printable characters"));
    URI url = errors.string(body, "base_url", "base_url", true)
        .map(u -> NodeValidator.baseUrl(u, errors)).orElse(null);
    NodeAuth auth = auth(body.get("auth"), errors);
    String version = errors.string(body, "version", "version", false).orElse("unknown");
    if (version.length() > MAX_VERSION || FieldErrors.hasControlCharacters(version)) {
      errors.add("version", "version must be at most " + MAX_VERSION + " printable characters");
    }
    errors.throwIfAny();
    return new AnnounceRequest(id.get(), name.get().strip(), url, auth, version);
  }

  private static NodeAuth auth(JsonNode auth, FieldErrors errors) {
    if (auth == null || auth.isNull()) {
      return NodeAuth.NONE;
    }
    if (!auth.isObject()) {
      errors.add("auth", "auth must be {\"type\":\"none\"} or {\"type\":\"bearer\",\"token\"}");
      return null;
    }
    String type = errors.string(auth, "type", "auth.type", true).orElse("");
    switch (type) {
      case "none" -> {
        return NodeAuth.NONE;
      }
      case "bearer" -> {
        Optional<String> token = errors.string(auth, "token", "auth.token", true);
        if (token.isPresent() && (token.get().isEmpty() || token.get().length()
            > AuthInput.MAX_TOKEN || !token.get().chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
          errors.add("auth.token", "auth.token must be 1-" + AuthInput.MAX_TOKEN
              + " visible ASCII characters without spaces");
          return null;
        }
        return token.map(NodeAuth::bearer).orElse(null);
      }
      default -> {
        errors.add("auth.type", "auth.type must be none or bearer in an announcement");
        return null;
      }
    }
  }
}
