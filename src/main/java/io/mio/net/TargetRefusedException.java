package io.mio.net;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carries an SSRF refusal through Jetty's connect path (which only passes failures on) back to
 * {@link NodeClient}, which turns it into {@code SSRF_BLOCKED}. The message is complete: it names
 * the host, what it resolved to, the refused address and the setting that would allow it.
 */
final class TargetRefusedException extends IOException {

  private final String host;
  private final transient List<InetAddress> resolved;
  private final transient Refusal refusal;

  private TargetRefusedException(String message, String host, List<InetAddress> resolved,
      Refusal refusal) {
    super(message, null);
    this.host = host;
    this.resolved = List.copyOf(resolved);
    this.refusal = refusal;
  }

  /** The host is an IP literal the policy refuses. */
  static TargetRefusedException literal(String host, Refusal refusal) {
    return new TargetRefusedException(refusal.message(), host, List.of(), refusal);
  }

  /** The host text itself is refused (an ambiguous numeric form, say); nothing was resolved. */
  static TargetRefusedException unreadable(String host, String why) {
    return new TargetRefusedException(why, host, List.of(), null);
  }

  /** A name resolved to {@code resolved}, at least one of which the policy refuses. */
  static TargetRefusedException name(String host, List<InetAddress> resolved, Refusal refusal) {
    String all = resolved.stream().map(Addresses::text).collect(Collectors.joining(", "));
    String mixed = resolved.size() > 1
        ? "; every address of a name must be allowed, and " : "; ";
    return new TargetRefusedException(host + " resolves to " + all + mixed + refusal.message(),
        host, resolved, refusal);
  }

  String host() {
    return host;
  }

  /** What the name resolved to, in the resolver's order; empty for IP literals. */
  List<String> resolved() {
    return resolved.stream().map(Addresses::text).toList();
  }

  /** The policy's answer; empty when the host text itself was refused. */
  Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }
}
