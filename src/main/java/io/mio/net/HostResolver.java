package io.mio.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. Production uses the system resolver; tests inject a fixed
 * table to play DNS answers we do not control (a name that resolves to loopback, or to one
 * allowed and one refused address).
 */
@FunctionalInterface
public interface HostResolver {

  /** All addresses of the name; never empty (throws instead). */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The operating system's resolver ({@code /etc/hosts}, DNS), as the JDK sees it. */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
