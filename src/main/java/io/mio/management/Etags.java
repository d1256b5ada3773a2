package io.mio.management;

import io.mio.http.Json;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Entity tags of registry nodes: a keyed hash (HMAC-SHA256, 128 bits shown) of the node's stored
 * content, {@code last_seen} and {@code discovery.last_announce_at} excluded so that probes and
 * periodic announcements do not break an editor's {@code If-Match}.
 * Secrets are part of the content, so changing only a password changes the tag; the key keeps
 * the tag from being a plain hash anyone could test password guesses against.
 */
final class Etags {

  private final SecretKeySpec key;

  /** @param key any stable secret bytes; tags stay valid across restarts while it is unchanged */
  Etags(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** The quoted strong tag, e.g. {@code "q3Jx..."}. */
  String of(Node node) {
    byte[] content = Json.bytes(RegistryCodec.encode(withoutTimes(node)));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] tag = Arrays.copyOf(mac.doFinal(content), 16);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(tag) + "\"";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static Node withoutTimes(Node n) {
    Discovery d = n.discovery();
    return new Node(n.id(), n.name(), n.baseUrl(), n.auth(), n.labels(), n.transport(),
        new Discovery(d.source(), d.approved(), d.firstSeen(), null, d.announced()), null);
  }

  /**
   * Whether an {@code If-Match} header value admits the node: {@code *} or a list containing its
   * tag. Weak tags ({@code W/"..."}) never match, as RFC 9110 requires for If-Match.
   */
  boolean ifMatch(String header, Node node) {
    String current = of(node);
    for (String candidate : header.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(current)) {
        return true;
      }
    }
    return false;
  }
}
