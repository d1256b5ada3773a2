package io.mio.webcam;

import io.mio.http.BearerToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The read-only credential of {@code MIO_STREAM_AUTH}, which protects the stream, snapshots and
 * status: nothing ({@code none}), HTTP Basic ({@code basic:USER:PASSWORD}, what Home Assistant,
 * VLC, OctoPrint and browsers send from a {@code http://user:pass@host/} URL) or a bearer token
 * ({@code bearer:TOKEN}). The password may contain ':'; the user name may not. Secrets are kept
 * only as digests and compared in constant time; {@link #toString()} shows the mode alone.
 */
final class StreamAuth {

  /** The schemes; the API's {@code auth.stream_auth} shows the lower-case name. */
  enum Mode { NONE, BASIC, BEARER;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final StreamAuth NONE = new StreamAuth(Mode.NONE, null);

  private final Mode mode;
  /** For BASIC the digest of "user:password", for BEARER of the token. */
  private final BearerToken secret;

  private StreamAuth(Mode mode, BearerToken secret) {
    this.mode = mode;
    this.secret = secret;
  }

  /**
   * Parses the setting. The message of the exception never quotes the value, which holds a
   * secret.
   */
  static StreamAuth parse(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.equals("none")) {
      return NONE;
    }
    int colon = t.indexOf(':');
    String scheme = colon < 0 ? t : t.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : t.substring(colon + 1);
    return switch (scheme) {
      case "basic" -> basic(rest);
      case "bearer" -> bearer(rest);
      default -> throw new IllegalArgumentException("must be basic:USER:PASSWORD,"
          + " bearer:TOKEN or none (the value is not shown: it may hold a secret)");
    };
  }

  private static StreamAuth basic(String userAndPassword) {
    int colon = userAndPassword.indexOf(':');
    if (colon < 1 || colon == userAndPassword.length() - 1
        || userAndPassword.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("basic needs a user and a password: basic:USER:PASSWORD"
          + " (the user without ':', both non-empty)");
    }
    return new StreamAuth(Mode.BASIC, BearerToken.of(userAndPassword));
  }

  private static StreamAuth bearer(String token) {
    if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("bearer needs a token of visible ASCII characters"
          + " without spaces: bearer:TOKEN");
    }
    return new StreamAuth(Mode.BEARER, BearerToken.of(token));
  }

  Mode mode() {
    return mode;
  }

  boolean required() {
    return mode != Mode.NONE;
  }

  /** Whether a bearer token is this credential (only in bearer mode). */
  boolean matchesBearer(String token) {
    return mode == Mode.BEARER && secret.matches(token);
  }

  /** Whether an {@code Authorization: Basic ...} header carries this credential. */
  boolean matchesBasic(String authorization) {
    return mode == Mode.BASIC && basicCredentials(authorization).map(secret::matches)
        .orElse(false);
  }

  /** The decoded {@code user:password} of a Basic header; empty when it is not one. */
  static Optional<String> basicCredentials(String authorization) {
    String v = authorization.strip();
    if (v.length() < 6 || !v.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getDecoder().decode(v.substring(6).strip()),
          StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The {@code WWW-Authenticate} challenge that makes a client send this credential. */
  String challenge(String realm) {
    return mode == Mode.BASIC
        ? "Basic realm=\"" + realm + "\", charset=\"UTF-8\""
        : "Bearer realm=\"" + realm + "\"";
  }

  @Override
  public String toString() {
    return "StreamAuth[" + mode.word() + "]";
  }
}
