package io.mio.management;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the hub authenticates to one node: nothing, a bearer token, or HTTP basic. The secret
 * (token or password) is write-only in the API: only {@link #secretSet()} is ever shown, and
 * {@link #toString()} masks it.
 *
 * @param type the scheme
 * @param username the basic-auth user name; null for the other types
 * @param secret the bearer token or the basic-auth password; null for {@link Type#NONE}
 */
public record NodeAuth(Type type, String username, String secret) {

  /** The schemes a node may ask for; the names are the API's lower-case words. */
  public enum Type {
    NONE, BEARER, BASIC;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type named by an API word, if any. */
    public static Optional<Type> of(String word) {
      for (Type t : values()) {
        if (t.word().equals(word)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public static final NodeAuth NONE = new NodeAuth(Type.NONE, null, null);

  public NodeAuth {
    boolean consistent = switch (type) {
      case NONE -> username == null && secret == null;
      case BEARER -> username == null && secret != null;
      case BASIC -> username != null && secret != null;
    };
    if (!consistent) {
      throw new IllegalArgumentException(type.word() + " auth needs exactly its own fields");
    }
  }

  public static NodeAuth bearer(String token) {
    return new NodeAuth(Type.BEARER, null, token);
  }

  public static NodeAuth basic(String username, String password) {
    return new NodeAuth(Type.BASIC, username, password);
  }

  public boolean secretSet() {
    return secret != null;
  }

  /** The {@code Authorization} header to send to the node, if the type needs one. */
  public Map<String, String> headers() {
    return switch (type) {
      case NONE -> Map.of();
      case BEARER -> Map.of("Authorization", "Bearer " + secret);
      case BASIC -> Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (username + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    };
  }

  @Override
  public String toString() {
    return "NodeAuth[type=" + type.word() + (username == null ? "" : ", username=" + username)
        + ", secret=" + (secretSet() ? "(set)" : "(not set)") + "]";
  }
}
