package io.mio.management;

import io.mio.http.ApiException;
import io.mio.net.HostResolver;
import io.mio.net.NodeTarget;
import io.mio.net.Refusal;
import io.mio.net.SsrfPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an announced base URL against the hub's {@link SsrfPolicy} before it is stored: an IP
 * literal is judged as written, a name by every address it resolves to now. This is an early,
 * friendly refusal; the node client checks again on every call, so a name that later resolves
 * elsewhere is still caught.
 */
final class AnnouncedUrl {

  private final SsrfPolicy policy;
  private final HostResolver resolver;

  AnnouncedUrl(SsrfPolicy policy, HostResolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
  }

  /** Returns normally when allowed; otherwise 403 {@code SSRF_BLOCKED} or 400. */
  void vet(URI baseUrl) {
    NodeTarget target;
    try {
      target = NodeTarget.parse(baseUrl);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(Map.of("base_url", e.getMessage()));
    }
    for (InetAddress address : addresses(target)) {
      Optional<Refusal> refusal = policy.vet(address);
      if (refusal.isPresent()) {
        throw blocked(target, refusal.get());
      }
    }
  }

  private List<InetAddress> addresses(NodeTarget target) {
    Optional<InetAddress> literal = target.literal();
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    try {
      return resolver.resolve(target.host());
    } catch (UnknownHostException e) {
      throw ApiException.validation(Map.of("base_url", "base_url host " + target.host()
          + " cannot be resolved by the hub; announce an address the hub can reach (set"
          + " MIO_DISCOVERY_ADVERTISE_URL on the node)"));
    }
  }

  private static ApiException blocked(NodeTarget target, Refusal r) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("host", target.host());
    details.put("address", r.address());
    details.put("reason", r.reason());
    details.put("allow_with", r.allowWith());
    details.put("setting", SsrfPolicy.SETTING);
    return new ApiException(403, "SSRF_BLOCKED", "announced base_url refused: " + r.message()
        + " on the hub, or announce another address with MIO_DISCOVERY_ADVERTISE_URL on the node",
        details);
  }
}
