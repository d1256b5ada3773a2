package io.mio.management;

import io.mio.http.Access;
import io.mio.http.ApiException;
import io.mio.http.AuthFailureLimiter;
import io.mio.http.BearerToken;
import io.mio.http.Exchange;
import io.mio.http.Router;
import io.mio.net.HostResolver;
import io.mio.net.SsrfPolicy;
import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery on the hub: {@code POST /api/v1/discovery/announce}, which nodes call with the shared
 * secret {@code MIO_NODE_DISCOVERY_SHARED_SECRET} (not the management token), and
 * {@code POST /api/v1/nodes/{id}/discovery/approve|reject} for operators. Rejecting deletes the
 * node: if it keeps announcing it comes back as pending, never approved; to keep a device out for
 * good, change the shared secret.
 *
 * <p>An announced base URL must pass the same {@link SsrfPolicy} that guards every node call
 * ({@link AnnouncedUrl}), so the hub never stores a target it would refuse to call.
 */
final class DiscoveryApi {

  static final String ANNOUNCE = "/api/v1/discovery/announce";
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryApi.class);

  private final NodeRegistry registry;
  private final NodeView view;
  private final LastSeen lastSeen;
  private final Optional<BearerToken> secret;
  private final AnnouncedUrl urls;
  private final Clock clock;
  private final HubMetrics metrics;
  private final AuthFailureLimiter limiter = AuthFailureLimiter.standard();

  DiscoveryApi(NodeRegistry registry, NodeView view, LastSeen lastSeen,
      Optional<String> sharedSecret, SsrfPolicy policy, Clock clock, HubMetrics metrics) {
    this.registry = registry;
    this.view = view;
    this.lastSeen = lastSeen;
    this.secret = sharedSecret.filter(s -> !s.isBlank()).map(BearerToken::of);
    this.urls = new AnnouncedUrl(policy, HostResolver.system());
    this.clock = clock;
    this.metrics = metrics;
  }

  void register(Router router) {
    // PUBLIC to the management guard: announcements carry the shared secret instead.
    router.post(ANNOUNCE, Access.PUBLIC, this::announce);
    router.post(NodesApi.NODES + "/{id}/discovery/approve", Access.ADMIN, this::approve);
    router.post(NodesApi.NODES + "/{id}/discovery/reject", Access.ADMIN, this::reject);
  }

  private void announce(Exchange ex) {
    authenticate(ex);
    AnnounceRequest a = AnnounceRequest.read(ex.readJson());
    urls.vet(a.baseUrl());
    DiscoveryIntake.Outcome outcome = registry.update(
        nodes -> DiscoveryIntake.apply(nodes, a, clock.instant()));
    Node n = outcome.node();
    metrics.announced(outcome.created() ? "created"
        : outcome.unapproved() ? "unapproved" : "refreshed");
    if (outcome.created()) {
      LOG.info("node {} announced itself: pending approval name=\"{}\" base_url={} version={}"
          + " from={}", n.id(), n.name(), n.baseUrl(), a.version(),
          ex.remoteAddress().getHostAddress());
    } else if (outcome.unapproved()) {
      LOG.warn("node {} re-announced a new base URL or callback auth: approval withdrawn,"
          + " nothing is sent to it until an operator approves it again old_base_url={}"
          + " new_base_url={} from={}", n.id(), outcome.before().baseUrl(), n.baseUrl(),
          ex.remoteAddress().getHostAddress());
    } else {
      LOG.debug("node {} re-announced base_url={}", n.id(), n.baseUrl());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", n.id());
    body.put("approved", n.approved());
    body.put("status", n.approved() ? "approved" : "pending_approval");
    ex.sendJson(outcome.created() ? 201 : 200, body);
  }

  private void authenticate(Exchange ex) {
    if (secret.isEmpty()) {
      throw new ApiException(403, "DISCOVERY_DISABLED", "this hub does not accept announcements;"
          + " set MIO_NODE_DISCOVERY_SHARED_SECRET on the hub (and the same value on the nodes)");
    }
    InetAddress client = ex.remoteAddress();
    limiter.refuseIfLimited(client);
    Optional<String> presented = ex.header("Authorization").flatMap(BearerToken::fromHeader);
    if (presented.isPresent() && secret.get().matches(presented.get())) {
      limiter.recordSuccess(client);
      return;
    }
    limiter.recordFailure(client);
    LOG.warn("discovery announcement from {} refused: {} shared secret; check"
        + " MIO_NODE_DISCOVERY_SHARED_SECRET on that node", client.getHostAddress(),
        presented.isPresent() ? "wrong" : "no");
    throw new ApiException(401, "UNAUTHORIZED", "announcements need Authorization: Bearer"
        + " <MIO_NODE_DISCOVERY_SHARED_SECRET>", Map.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"mio-discovery\""));
  }

  private void approve(Exchange ex) {
    String id = ex.pathParam("id");
    Node approved = registry.update(nodes -> {
      int i = NodesApi.indexOf(nodes, id);
      Node n = nodes.get(i);
      Discovery d = n.discovery();
      Node next = new Node(n.id(), n.name(), n.baseUrl(), n.auth(), n.labels(), n.transport(),
          new Discovery(d.source(), true, d.firstSeen(), d.lastAnnounceAt(), d.announced()),
          n.lastSeen());
      nodes.set(i, next);
      return next;
    });
    LOG.info("node {} approved base_url={}", id, approved.baseUrl());
    ex.setHeader("ETag", view.etag(approved));
    ex.sendJson(200, view.of(approved));
  }

  private void reject(Exchange ex) {
    String id = ex.pathParam("id");
    registry.update(nodes -> {
      int i = NodesApi.indexOf(nodes, id);
      if (nodes.get(i).discovery().source() == Discovery.Source.MANUAL) {
        throw new ApiException(409, "CONFLICT", "node '" + id + "' was added by hand, not"
            + " discovered; DELETE " + NodesApi.NODES + "/" + id + " to remove it",
            Map.of("id", id));
      }
      return nodes.remove(i);
    });
    lastSeen.forget(id);
    LOG.info("node {} rejected and removed; it returns as pending if it announces again", id);
    ex.sendEmpty(204);
  }
}
