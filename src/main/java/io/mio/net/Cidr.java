package io.mio.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses written {@code 192.168.0.0/16}, such as one entry of
 * {@code MIO_NODE_ALLOWED_NETWORKS}. Parsing is strict: canonical address text only, a prefix in
 * range, no host bits set, no IPv4-mapped IPv6 blocks (write the IPv4 block instead). A bare
 * address is a single-address block.
 *
 * @param network the first address of the block (host bits zero)
 * @param prefixLength the number of leading bits every member shares
 */
public record Cidr(InetAddress network, int prefixLength) {

  private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

  public Cidr {
    int max = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException(
          "prefix length must be 0-" + max + ", got " + prefixLength);
    }
    if (!Arrays.equals(network.getAddress(), mask(network.getAddress(), prefixLength))) {
      throw new IllegalArgumentException(Addresses.text(network) + "/" + prefixLength
          + " has host bits set");
    }
  }

  /** Reads {@code 10.0.0.0/8}, {@code fc00::/7} or a bare address; the message quotes the input. */
  public static Cidr parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String addressText = slash < 0 ? t : t.substring(0, slash);
    InetAddress address;
    try {
      address = IpLiteral.parse(addressText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a CIDR: " + e.getMessage(), e);
    }
    if (Addresses.isMappedV4(address.getAddress())) {
      throw new IllegalArgumentException("\"" + text + "\" is an IPv4-mapped IPv6 block;"
          + " write the IPv4 block instead (for example 192.168.0.0/16)");
    }
    int max = address.getAddress().length * 8;
    int prefix = slash < 0 ? max : prefix(t.substring(slash + 1), max, text);
    byte[] masked = mask(address.getAddress(), prefix);
    if (!Arrays.equals(masked, address.getAddress())) {
      throw new IllegalArgumentException("\"" + text + "\" has host bits set; did you mean "
          + Addresses.text(Addresses.of(masked)) + "/" + prefix + "?");
    }
    return new Cidr(address, prefix);
  }

  /** Whether the address is in this block; IPv4 and IPv6 blocks never contain each other. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.getAddress().length
        && Arrays.equals(mask(bytes, prefixLength), network.getAddress());
  }

  /** Whether every address of this block is also in {@code other}. */
  public boolean isWithin(Cidr other) {
    return prefixLength >= other.prefixLength && other.contains(network);
  }

  @Override
  public String toString() {
    return Addresses.text(network) + "/" + prefixLength;
  }

  private static int prefix(String digits, int max, String text) {
    if (!PREFIX.matcher(digits).matches() || Integer.parseInt(digits) > max) {
      throw new IllegalArgumentException("\"" + text + "\" has prefix length \"" + digits
          + "\"; it must be a decimal number 0-" + max);
    }
    return Integer.parseInt(digits);
  }

  private static byte[] mask(byte[] address, int prefixLength) {
    byte[] out = address.clone();
    for (int bit = prefixLength; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }
}
