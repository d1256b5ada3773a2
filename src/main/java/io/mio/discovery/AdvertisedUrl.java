package io.mio.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Works out the base URL a hub should use to reach this node when the operator did not set
 * MIO_DISCOVERY_ADVERTISE_URL: the configured bind address if it is a concrete one, otherwise the
 * first private IPv4 address of an interface that is up (container bridges and VPN tunnels
 * last).
 */
public final class AdvertisedUrl {

  private AdvertisedUrl() {}

  public static Optional<URI> derive(String bindHost, int port) {
    Optional<InetAddress> address = concrete(bindHost).or(AdvertisedUrl::lanAddress);
    return address.map(a -> URI.create("http://" + a.getHostAddress() + ":" + port));
  }

  private static Optional<InetAddress> concrete(String bindHost) {
    try {
      InetAddress a = InetAddress.ofLiteral(bindHost);
      return a.isAnyLocalAddress() ? Optional.empty() : Optional.of(a);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> lanAddress() {
    try {
      List<NetworkInterface> up = NetworkInterface.networkInterfaces()
          .filter(AdvertisedUrl::usable)
          .sorted(Comparator.comparing(AdvertisedUrl::looksVirtual))
          .toList();
      return up.stream()
          .flatMap(NetworkInterface::inetAddresses)
          .filter(a -> a instanceof Inet4Address && a.isSiteLocalAddress())
          .findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static boolean usable(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback() && !nic.isPointToPoint();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean looksVirtual(NetworkInterface nic) {
    String n = nic.getName();
    return nic.isVirtual() || n.startsWith("docker") || n.startsWith("br-") || n.startsWith("veth")
        || n.startsWith("virbr") || n.startsWith("tailscale") || n.startsWith("wg");
  }
}
