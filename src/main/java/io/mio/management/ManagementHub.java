package io.mio.management;

import io.mio.http.Access;
import io.mio.http.AuthFailureLimiter;
import io.mio.http.BearerGuard;
import io.mio.http.BearerToken;
import io.mio.http.Cors;
import io.mio.http.Exchange;
import io.mio.http.Router;
import io.mio.http.WebServer;
import io.mio.metrics.MetricsRegistry;
import io.mio.net.SsrfPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running management hub: the node registry behind a bearer-token API, node status and the
 * fleet overview, plus public {@code /health}, {@code /ready} (the registry is readable) and
 * {@code /metrics}. Closing stops the server, then saves pending {@code last_seen} times.
 */
public final class ManagementHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ManagementHub.class);

  private final WebServer server;
  private final LastSeen lastSeen;
  private final ManagementToken token;

  private ManagementHub(WebServer server, LastSeen lastSeen, ManagementToken token) {
    this.server = server;
    this.lastSeen = lastSeen;
    this.token = token;
  }

  public static ManagementHub start(ManagementConfig config) throws Exception {
    ManagementToken token = ManagementToken.resolve(config.authToken(),
        config.server().dataDir());
    NodeRegistry registry = new NodeRegistry(config.registryPath());
    LastSeen lastSeen = new LastSeen(registry);
    NodeView view = new NodeView(new Etags(etagKey(token)), lastSeen);
    MetricsRegistry metrics = new MetricsRegistry();

    Router router = new Router()
        .guard(BearerGuard.publicOpen(BearerToken.of(token.value()), AuthFailureLimiter.standard(),
            "mio-management"))
        .cors(new Cors(config.server().corsOrigins()));
    router.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, Map.of("status", "ok")));
    router.get("/ready", Access.PUBLIC, ex -> ready(ex, registry));
    router.get("/metrics", Access.PUBLIC,
        ex -> ex.send(200, MetricsRegistry.CONTENT_TYPE, metrics.scrape()));
    new NodesApi(registry, view, lastSeen, Clock.systemUTC()).register(router);
    new DiscoveryApi(registry, view, lastSeen, config.discoverySharedSecret(),
        SsrfPolicy.parse(config.allowedNetworks()), Clock.systemUTC()).register(router);

    WebServer server = new WebServer(config.server().bindHost(), config.server().port(),
        Duration.ofSeconds(30), router).start();
    LOG.info("management hub started mode=management address={}:{} token={} registry={}"
        + " node_policy=[{}]", config.server().bindHost(), server.port(), token.source(),
        registry.file(), config.allowedNetworks());
    return new ManagementHub(server, lastSeen, token);
  }

  private static void ready(Exchange ex, NodeRegistry registry) {
    try {
      registry.list();
      ex.sendJson(200, Map.of("status", "ready"));
    } catch (RegistryCorruptedException e) {
      ex.sendJson(503, Map.of("status", "not_ready", "reason", "registry_corrupted"));
    }
  }

  public int port() {
    return server.port();
  }

  /** The API token in force, for the demo to print; never log it. */
  public String token() {
    return token.value();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      lastSeen.close();
    }
  }

  /** Derived from the token, so tags survive restarts without another stored secret. */
  private static byte[] etagKey(ManagementToken token) {
    return ("mio-etag-v1:" + token.value()).getBytes(StandardCharsets.UTF_8);
  }
}
