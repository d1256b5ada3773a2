package io.mio.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Byte-level facts about addresses: the IPv4 address hidden in an IPv6 one, and the short text
 * form (RFC 5952) used in every message, so an operator reads {@code fc00::/7}, not
 * {@code fc00:0:0:0:0:0:0:0/7}.
 */
final class Addresses {

  private Addresses() {}

  /** {@code ::ffff:a.b.c.d}: the IPv6 form of an IPv4 address on a dual-stack socket. */
  static boolean isMappedV4(byte[] b) {
    return b.length == 16 && zero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  /** {@code ::a.b.c.d} (deprecated, RFC 4291 2.5.5.1), excluding {@code ::} and {@code ::1}. */
  static boolean isCompatibleV4(byte[] b) {
    return b.length == 16 && zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
  }

  /**
   * The IPv4 address an IPv6 address stands for on this host: mapped and compatible forms are
   * the IPv4 address itself. Empty for IPv4 and for ordinary IPv6 addresses.
   */
  static Optional<InetAddress> sameHostV4(InetAddress address) {
    byte[] b = address.getAddress();
    if (isMappedV4(b) || isCompatibleV4(b)) {
      return Optional.of(of(Arrays.copyOfRange(b, 12, 16)));
    }
    return Optional.empty();
  }

  /**
   * The IPv4 address a translator would deliver to: NAT64 {@code 64:ff9b::/96} carries it in the
   * last four bytes, 6to4 {@code 2002::/16} in bytes 2-5.
   */
  static Optional<InetAddress> translatedV4(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length != 16) {
      return Optional.empty();
    }
    if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
        && zero(b, 4, 12)) {
      return Optional.of(of(Arrays.copyOfRange(b, 12, 16)));
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return Optional.of(of(Arrays.copyOfRange(b, 2, 6)));
    }
    return Optional.empty();
  }

  static InetAddress of(byte[] bytes) {
    try {
      return bytes.length == 16
          ? Inet6Address.getByAddress(null, bytes, -1)
          : InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, got " + bytes.length, e);
    }
  }

  /** RFC 5952 text: lower case, longest run of two or more zero groups written {@code ::}. */
  static String text(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return address.getHostAddress();
    }
    if (isMappedV4(b)) {
      return "::ffff:" + of(Arrays.copyOfRange(b, 12, 16)).getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j - 1);
    }
    return join(groups, bestStart, bestLength);
  }

  private static String join(int[] groups, int gapStart, int gapLength) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == gapStart) {
        out.append("::");
        i += gapLength - 1;
        continue;
      }
      if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
