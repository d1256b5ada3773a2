package io.mio.management;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code auth} object of a node write: {@code {"type":"none"}},
 * {@code {"type":"bearer","token"}} or {@code {"type":"basic","username","password"}}. A write
 * without the secret keeps the stored one when the stored type is the same, so a client that
 * never saw the secret can still edit the node.
 */
final class AuthInput {

  static final int MAX_TOKEN = 4096;
  static final int MAX_USERNAME = 128;
  static final int MAX_PASSWORD = 1024;
  private static final Set<String> FIELDS = Set.of("type", "token", "username", "password");

  private AuthInput() {}

  /** The auth to store, or null after recording errors. */
  static NodeAuth read(JsonNode auth, NodeAuth stored, FieldErrors errors) {
    if (auth == null || auth.isNull()) {
      return NodeAuth.NONE;
    }
    if (!auth.isObject()) {
      errors.add("auth", "auth must be an object like {\"type\":\"none\"}, got "
          + FieldErrors.kind(auth));
      return null;
    }
    errors.unknownFields(auth, "auth.", FIELDS, Set.of("secret_set"));
    Optional<NodeAuth.Type> type = errors.string(auth, "type", "auth.type", true)
        .flatMap(word -> NodeAuth.Type.of(word).or(() -> {
          errors.add("auth.type", "auth.type must be none, bearer or basic, got '" + word + "'");
          return Optional.empty();
        }));
    if (type.isEmpty()) {
      return null;
    }
    NodeAuth kept = stored != null && stored.type() == type.get() ? stored : null;
    return switch (type.get()) {
      case NONE -> none(auth, errors);
      case BEARER -> bearer(auth, kept, errors);
      case BASIC -> basic(auth, kept, errors);
    };
  }

  private static NodeAuth none(JsonNode auth, FieldErrors errors) {
    for (String f : new String[] {"token", "username", "password"}) {
      if (auth.has(f)) {
        errors.add("auth." + f, "auth." + f + " is not used with auth.type none; remove it");
      }
    }
    return NodeAuth.NONE;
  }

  private static NodeAuth bearer(JsonNode auth, NodeAuth kept, FieldErrors errors) {
    notFor(auth, "bearer", errors, "username", "password");
    Optional<String> token = errors.string(auth, "token", "auth.token", kept == null);
    token.filter(t -> t.isEmpty() || t.length() > MAX_TOKEN || !t.chars().allMatch(
        c -> c > 0x20 && c < 0x7f)).ifPresent(t -> errors.add("auth.token",
            "auth.token must be 1-" + MAX_TOKEN + " visible ASCII characters without spaces"));
    if (errors.has("auth.token") || errors.has("auth.username") || errors.has("auth.password")) {
      return null;
    }
    return NodeAuth.bearer(token.orElseGet(() -> kept.secret()));
  }

  private static NodeAuth basic(JsonNode auth, NodeAuth kept, FieldErrors errors) {
    notFor(auth, "basic", errors, "token");
    Optional<String> user = errors.string(auth, "username", "auth.username", true);
    user.filter(u -> u.isEmpty() || u.length() > MAX_USERNAME || u.contains(":")
        || FieldErrors.hasControlCharacters(u)).ifPresent(u -> errors.add("auth.username",
            "auth.username must be 1-" + MAX_USERNAME + " characters without ':' or control"
                + " characters"));
    Optional<String> password = errors.string(auth, "password", "auth.password", kept == null);
    password.filter(p -> p.isEmpty() || p.length() > MAX_PASSWORD
        || FieldErrors.hasControlCharacters(p)).ifPresent(p -> errors.add("auth.password",
            "auth.password must be 1-" + MAX_PASSWORD + " characters without control"
                + " characters"));
    if (user.isEmpty() || errors.has("auth.username") || errors.has("auth.password")
        || errors.has("auth.token")) {
      return null;
    }
    return NodeAuth.basic(user.get(), password.orElseGet(() -> kept.secret()));
  }

  private static void notFor(JsonNode auth, String type, FieldErrors errors, String... fields) {
    for (String f : fields) {
      if (auth.has(f)) {
        errors.add("auth." + f, "auth." + f + " is not used with auth.type " + type
            + "; remove it");
      }
    }
  }
}
