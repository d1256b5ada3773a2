package io.mio.net;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides which addresses the hub may call: those in the configured allowed networks
 * ({@code MIO_NODE_ALLOWED_NETWORKS}), except loopback, link-local (where cloud metadata lives),
 * multicast, unspecified and broadcast addresses, which stay refused unless a configured block
 * lies inside (or equals) their range: {@code 127.0.0.0/8} unlocks loopback,
 * {@code 169.254.169.254/32} unlocks that one address.
 *
 * <p>A catch-all such as {@code 0.0.0.0/0} or {@code ::/0} allows every ordinary address but
 * unlocks no refused range, on purpose: an operator who opens the hub to "everything" must not
 * silently open the cloud metadata service or the hub's own loopback as well.
 *
 * <p>IPv4-mapped ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code ::a.b.c.d}) IPv6
 * addresses are judged as the IPv4 address they reach; NAT64 ({@code 64:ff9b::/96}) and 6to4
 * ({@code 2002::/16}) addresses are also refused when the IPv4 address they carry is refused.
 * Immutable and thread-safe.
 */
public final class SsrfPolicy {

  /** The setting an operator changes to allow an address; every refusal names it. */
  public static final String SETTING = ConfigKeys.NODE_ALLOWED_NETWORKS.env();

  private final List<Cidr> allowed;

  private SsrfPolicy(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** Reads a comma-separated CIDR list; the message names the setting and the bad entry. */
  public static SsrfPolicy parse(String csvCidrs) {
    try {
      return parseEntries(csvCidrs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SETTING + ": " + e.getMessage(), e);
    }
  }

  /**
   * The policy {@code MIO_NODE_ALLOWED_NETWORKS} configures (the defaults when unset or blank);
   * a bad list is recorded as a problem of the reader, which {@code validate()} reports.
   */
  public static SsrfPolicy read(ConfigReader config) {
    return config.parsed(ConfigKeys.NODE_ALLOWED_NETWORKS, defaults(), SsrfPolicy::parseEntries);
  }

  /** The private LAN ranges: 10/8, 172.16/12, 192.168/16, fc00::/7 and 100.64/10 (CGNAT). */
  public static SsrfPolicy defaults() {
    return parse(ConfigKeys.NODE_ALLOWED_NETWORKS.defaultText());
  }

  private static SsrfPolicy parseEntries(String csvCidrs) {
    if (csvCidrs.isBlank()) {
      throw new IllegalArgumentException("must list at least one network, such as "
          + "192.168.0.0/16; it is empty");
    }
    String[] entries = csvCidrs.split(",", -1);
    List<Cidr> cidrs = new ArrayList<>();
    for (int i = 0; i < entries.length; i++) {
      if (entries[i].isBlank()) {
        throw new IllegalArgumentException("entry " + (i + 1) + " of " + entries.length
            + " is empty in \"" + csvCidrs + "\"; remove the extra comma");
      }
      cidrs.add(Cidr.parse(entries[i]));
    }
    return new SsrfPolicy(cidrs);
  }

  /** The configured networks, in the order given. */
  public List<Cidr> allowed() {
    return allowed;
  }

  /** Empty when the hub may connect to the address, else a message saying why and what to set. */
  public Optional<String> refusal(InetAddress address) {
    return vet(address).map(Refusal::message);
  }

  /** Like {@link #refusal} with the parts of the answer apart, for error details. */
  public Optional<Refusal> vet(InetAddress address) {
    InetAddress target = Addresses.sameHostV4(address).orElse(address);
    Optional<Refusal> blocked = blockedRange(address, target);
    if (blocked.isEmpty()) {
      // A NAT64 or 6to4 gateway would deliver to the IPv4 address inside.
      blocked = Addresses.translatedV4(target).flatMap(v4 -> blockedRange(address, v4));
    }
    if (blocked.isPresent()) {
      return blocked;
    }
    if (allowed.stream().anyMatch(c -> c.contains(target))) {
      return Optional.empty();
    }
    return Optional.of(Refusal.of(address, target, "not in the allowed networks ("
        + allowedText() + ")", "not_allowed", BlockedRange.single(target)));
  }

  /** One line for the startup log. */
  public String describe() {
    List<String> unlocked = new ArrayList<>();
    for (BlockedRange range : BlockedRange.values()) {
      allowed.stream().filter(range::isNamedBy)
          .forEach(c -> unlocked.add(c + " (" + range.reason() + ")"));
    }
    return "node calls allowed to " + allowedText()
        + "; refused unless a listed network names them: loopback, link-local, multicast,"
        + " unspecified, broadcast"
        + (unlocked.isEmpty() ? "" : "; unlocked by the list: " + String.join(", ", unlocked));
  }

  @Override
  public String toString() {
    return describe();
  }

  private Optional<Refusal> blockedRange(InetAddress asked, InetAddress judged) {
    for (BlockedRange range : BlockedRange.values()) {
      if (range.contains(judged) && allowed.stream().noneMatch(c -> range.unlocks(c, judged))) {
        return Optional.of(Refusal.of(asked, judged, range.reason(), range.code(),
            range.suggestion(judged)));
      }
    }
    return Optional.empty();
  }

  private String allowedText() {
    return allowed.stream().map(Cidr::toString).collect(Collectors.joining(", "));
  }
}
