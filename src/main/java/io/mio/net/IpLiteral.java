package io.mio.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict reading of IP address text. Only the canonical forms pass: four decimal IPv4 octets
 * without leading zeros, and RFC 4291 IPv6 text without a zone. Everything the C library, the JDK
 * or a browser would also read as an address ({@code 2130706433}, {@code 0x7f.1},
 * {@code 017700000001}, {@code 127.1}) is refused, because two parsers that disagree about an
 * address are how SSRF filters are bypassed.
 */
final class IpLiteral {

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
  // A last label made of digits or 0x-hex turns a host into an IPv4 attempt (as in WHATWG URL).
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

  private IpLiteral() {}

  /**
   * Reads a URL host: an address for IP literals (IPv6 with or without brackets), empty for a
   * host name, and {@link IllegalArgumentException} for text that looks like an address but is
   * not in canonical form.
   */
  static Optional<InetAddress> ofHost(String host) {
    if (host.startsWith("[") || host.contains(":")) {
      String inner = host.startsWith("[") && host.endsWith("]")
          ? host.substring(1, host.length() - 1)
          : host;
      return Optional.of(parseV6(inner, host));
    }
    if (looksNumeric(host)) {
      return Optional.of(parseV4(host));
    }
    return Optional.empty();
  }

  /** Reads an IPv4 or IPv6 address in canonical form, refusing anything else. */
  static InetAddress parse(String text) {
    if (text.contains(":")) {
      return parseV6(text, text);
    }
    if (text.isEmpty() || looksNumeric(text)) {
      return parseV4(text);
    }
    throw new IllegalArgumentException("\"" + text + "\" is not an IP address (a.b.c.d or IPv6)");
  }

  private static boolean looksNumeric(String host) {
    String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
    return NUMERIC_LABEL.matcher(last).matches();
  }

  private static InetAddress parseV4(String text) {
    if (!IPV4.matcher(text).matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is ambiguous: resolvers may read it"
          + " as an IPv4 address, but it is not four decimal octets 0-255 without leading zeros;"
          + " write the address as a.b.c.d");
    }
    String[] parts = text.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return byAddress(bytes);
  }

  private static InetAddress parseV6(String text, String quoted) {
    if (!IPV6_CHARS.matcher(text).matches() || !text.contains(":")) {
      throw new IllegalArgumentException("\"" + quoted + "\" is not an IPv6 address"
          + " (hex groups and colons only; zone ids like %eth0 are not accepted)");
    }
    int lastColon = text.lastIndexOf(':');
    if (text.indexOf('.') >= 0) {
      // Only a trailing dotted quad is legal in IPv6 text, and it gets the same strict rules.
      parseV4(text.substring(lastColon + 1));
    }
    try {
      return toV6(Inet6Address.ofLiteral(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + quoted + "\" is not a valid IPv6 address", e);
    }
  }

  /** The JDK turns {@code ::ffff:a.b.c.d} into IPv4; keep the 16 bytes so callers see the form. */
  private static InetAddress toV6(InetAddress parsed) {
    if (parsed instanceof Inet6Address) {
      return parsed;
    }
    byte[] v4 = parsed.getAddress();
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(v4, 0, v6, 12, 4);
    try {
      return Inet6Address.getByAddress(null, v6, -1);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }
}
