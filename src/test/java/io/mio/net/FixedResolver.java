package io.mio.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays DNS for tests: a fixed table of names, plus the system's answer for {@code localhost}
 * only, so no test ever asks a real DNS server.
 */
final class FixedResolver implements HostResolver {

  private final Map<String, List<InetAddress>> table = new HashMap<>();

  FixedResolver map(String name, String... addresses) {
    table.put(name, java.util.Arrays.stream(addresses).map(IpLiteral::parse).toList());
    return this;
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    if (host.equals("localhost")) {
      return HostResolver.system().resolve(host);
    }
    List<InetAddress> answer = table.get(host);
    if (answer == null) {
      throw new UnknownHostException(host + ": not in the test's table");
    }
    return answer;
  }
}
