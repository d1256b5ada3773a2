package io.mio.management;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7396) with one rule of ours: a patch that changes {@code auth.type}
 * replaces the whole {@code auth} object, since fields of the old type would not fit the new.
 */
final class JsonMergePatch {

  private JsonMergePatch() {}

  static void apply(ObjectNode target, ObjectNode patch) {
    JsonNode auth = patch.get("auth");
    JsonNode storedAuth = target.get("auth");
    if (auth != null && auth.isObject() && auth.has("type") && storedAuth != null
        && !auth.get("type").equals(storedAuth.get("type"))) {
      target.remove("auth");
    }
    merge(target, patch);
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    patch.properties().forEach(e -> {
      String name = e.getKey();
      JsonNode value = e.getValue();
      JsonNode current = target.get(name);
      if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject() && current != null && current.isObject()) {
        merge((ObjectNode) current, (ObjectNode) value);
      } else {
        target.set(name, value.isObject() ? withoutNulls((ObjectNode) value) : value);
      }
    });
  }

  private static ObjectNode withoutNulls(ObjectNode value) {
    ObjectNode copy = value.deepCopy();
    copy.properties().removeIf(e -> e.getValue().isNull());
    return copy;
  }
}
