package io.mio.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * A bearer token the server expects, compared in constant time. Both sides are hashed to
 * SHA-256 first so the comparison takes the same time whatever the presented length; the
 * token itself never appears in {@link #toString()}.
 */
public final class BearerToken {

  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  /** The expected token; it must not be blank. */
  public static BearerToken of(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a bearer token must not be blank");
    }
    return new BearerToken(sha256(token));
  }

  /** Whether the presented token equals the expected one, in time independent of both. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  /**
   * The token of an {@code Authorization: Bearer <token>} header: the scheme is matched
   * case-insensitively and the token trimmed; empty when absent, of another scheme or blank.
   */
  public static Optional<String> fromHeader(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return Optional.empty();
    }
    String token = value.substring(7).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[(set)]";
  }
}
