package io.mio.net;

import java.net.InetAddress;

/**
 * Why the {@link SsrfPolicy} refuses an address, in parts for error details.
 *
 * @param address the address as resolved or written, e.g. {@code ::ffff:127.0.0.1}
 * @param reason a stable word: {@code loopback}, {@code link_local}, {@code multicast},
 *     {@code unspecified}, {@code broadcast} or {@code not_allowed}
 * @param allowWith the block that, added to {@link SsrfPolicy#SETTING}, would allow the address
 * @param message one sentence for a person: what, why, and what to set
 */
public record Refusal(String address, String reason, String allowWith, String message) {

  static Refusal of(InetAddress asked, InetAddress judged, String why, String reason,
      String allowWith) {
    String shown = Addresses.text(asked);
    String meaning = asked.equals(judged) ? "" : " (IPv4 " + Addresses.text(judged) + ")";
    return new Refusal(shown, reason, allowWith, shown + meaning + " is " + why + "; add "
        + allowWith + " to " + SsrfPolicy.SETTING + " to allow it");
  }
}
