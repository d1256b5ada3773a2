package io.mio.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Address blocks a node is never expected at, each refused unless the operator names a block
 * inside it. The list is short on purpose: everything else is refused by the allow list anyway.
 */
enum BlockedRange {
  UNSPECIFIED("unspecified", "the unspecified address (Linux connects it to this host)",
      "0.0.0.0/8", "::/128"),
  LOOPBACK("loopback", "loopback", "127.0.0.0/8", "::1/128"),
  LINK_LOCAL("link_local", "link-local (cloud metadata services live at 169.254.169.254)",
      "169.254.0.0/16", "fe80::/10"),
  MULTICAST("multicast", "multicast", "224.0.0.0/4", "ff00::/8"),
  BROADCAST("broadcast", "the broadcast address", "255.255.255.255/32");

  private final String code;
  private final String reason;
  private final List<Cidr> blocks;

  BlockedRange(String code, String reason, String... blocks) {
    this.code = code;
    this.reason = reason;
    this.blocks = Arrays.stream(blocks).map(Cidr::parse).toList();
  }

  String code() {
    return code;
  }

  String reason() {
    return reason;
  }

  boolean contains(InetAddress address) {
    return blocks.stream().anyMatch(b -> b.contains(address));
  }

  /** A configured block lifts the ban only for addresses it holds, and only if it lies inside. */
  boolean unlocks(Cidr configured, InetAddress address) {
    return configured.contains(address) && isNamedBy(configured);
  }

  boolean isNamedBy(Cidr configured) {
    return blocks.stream().anyMatch(configured::isWithin);
  }

  /** The narrowest block worth suggesting: all of loopback, else just the one address. */
  String suggestion(InetAddress address) {
    if (this == LOOPBACK) {
      return address.getAddress().length == 4 ? "127.0.0.0/8" : "::1/128";
    }
    return single(address);
  }

  static String single(InetAddress address) {
    return Addresses.text(address) + (address.getAddress().length == 4 ? "/32" : "/128");
  }
}
