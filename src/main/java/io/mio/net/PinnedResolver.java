package io.mio.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The only way the hub's HTTP client learns where to connect. It resolves the host once, vets
 * every address against the {@link SsrfPolicy} and hands the connector only those addresses, so
 * a DNS answer that changes between check and connect (rebinding) cannot reach a refused address.
 * If any address of a name is refused, the whole name is: a name that mixes a LAN address with
 * loopback is an attack or a mistake, and either way the operator should hear about it.
 *
 * <p>Lookups block, so they run on the given executor and never on the caller's or Jetty's
 * selector thread.
 */
final class PinnedResolver implements SocketAddressResolver {

  private final SsrfPolicy policy;
  private final HostResolver resolver;
  private final Executor executor;

  PinnedResolver(SsrfPolicy policy, HostResolver resolver, Executor executor) {
    this.policy = policy;
    this.resolver = resolver;
    this.executor = executor;
  }

  @Override
  public void resolve(String host, int port, Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    executor.execute(() -> {
      try {
        promise.succeeded(vetted(host, port));
      } catch (IOException | RuntimeException e) {
        promise.failed(e);
      }
    });
  }

  /** The addresses the connector may use, in the resolver's order, or why there are none. */
  List<InetSocketAddress> vetted(String host, int port) throws IOException {
    Optional<InetAddress> literal;
    try {
      literal = IpLiteral.ofHost(host);
    } catch (IllegalArgumentException e) {
      throw TargetRefusedException.unreadable(host, e.getMessage());
    }
    if (literal.isPresent()) {
      Optional<Refusal> refusal = policy.vet(literal.get());
      if (refusal.isPresent()) {
        throw TargetRefusedException.literal(host, refusal.get());
      }
      return List.of(new InetSocketAddress(literal.get(), port));
    }
    List<InetAddress> resolved = resolve(host);
    for (InetAddress address : resolved) {
      Optional<Refusal> refusal = policy.vet(address);
      if (refusal.isPresent()) {
        throw TargetRefusedException.name(host, resolved, refusal.get());
      }
    }
    return resolved.stream().distinct().map(a -> new InetSocketAddress(a, port)).toList();
  }

  private List<InetAddress> resolve(String host) throws IOException {
    List<InetAddress> resolved = resolver.resolve(host);
    if (resolved == null || resolved.isEmpty()) {
      throw new UnknownHostException(host + " has no addresses");
    }
    return resolved;
  }
}
