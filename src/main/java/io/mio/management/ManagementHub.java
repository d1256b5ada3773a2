package io.mio.management;

import io.mio.http.Access;
import io.mio.http.AuthFailureLimiter;
import io.mio.http.BearerGuard;
import io.mio.http.BearerToken;
import io.mio.http.Cors;
import io.mio.http.Exchange;
import io.mio.http.Router;
import io.mio.http.StaticFiles;
import io.mio.http.WebServer;
import io.mio.metrics.MetricsRegistry;
import io.mio.net.NodeClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running management hub: the node registry behind a bearer-token API, node status and the
 * fleet overview, plus public {@code /health}, {@code /ready} (the registry is readable) and
 * {@code /metrics}. Closing stops the server, saves pending {@code last_seen} times, then stops
 * the node client.
 */
public final class ManagementHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ManagementHub.class);

  private final ManagementToken token;
  private final NodeClient client;
  private final LastSeen lastSeen;
  private WebServer server;
  private List<String> routes = List.of();

  private ManagementHub(ManagementToken token, NodeClient client, LastSeen lastSeen) {
    this.token = token;
    this.client = client;
    this.lastSeen = lastSeen;
  }

  public static ManagementHub start(ManagementConfig config) throws Exception {
    ManagementToken token = ManagementToken.resolve(config.authToken(),
        config.server().dataDir());
    NodeRegistry registry = new NodeRegistry(config.registryPath());
    ManagementHub hub = new ManagementHub(token, new NodeClient(config.nodeClient()),
        new LastSeen(registry));
    try {
      Router router = hub.routes(config, registry);
      hub.routes = router.describe();
      hub.server = new WebServer(config.server().bindHost(), config.server().port(),
          Duration.ofSeconds(30), router).start();
    } catch (Exception | Error e) {
      hub.close();
      throw e;
    }
    LOG.info("management hub started mode=management address={}:{} token={} registry={}"
        + " overview_deadline_ms={} node_timeout_ms={} node_policy=[{}]",
        config.server().bindHost(), hub.port(), token.source(), registry.file(),
        config.overviewDeadline().toMillis(), config.nodeClient().totalTimeout().toMillis(),
        config.nodeClient().policy().describe());
    return hub;
  }

  private Router routes(ManagementConfig config, NodeRegistry registry) {
    Clock clock = Clock.systemUTC();
    MetricsRegistry metrics = new MetricsRegistry();
    NodeView view = new NodeView(new Etags(etagKey(token)), lastSeen);
    Router router = new Router()
        .guard(BearerGuard.publicOpen(BearerToken.of(token.value()),
            AuthFailureLimiter.standard(), "mio-management"))
        .cors(new Cors(config.server().corsOrigins()));
    router.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, Map.of("status", "ok")));
    router.get("/ready", Access.PUBLIC, ex -> ready(ex, registry));
    router.get("/metrics", Access.PUBLIC,
        ex -> ex.send(200, MetricsRegistry.CONTENT_TYPE, metrics.scrape()));
    NodesApi nodes = new NodesApi(registry, view, lastSeen, clock);
    nodes.register(router);
    HubMetrics hubMetrics = new HubMetrics(metrics);
    NodeProbe probe = new NodeProbe(client, lastSeen, clock, hubMetrics);
    Overview overview = new Overview(probe, view, config.overviewDeadline(), clock, hubMetrics);
    new FleetApi(nodes, registry, probe, overview, client).register(router);
    new DiscoveryApi(registry, view, lastSeen, config.discoverySharedSecret(),
        config.nodeClient().policy(), clock, hubMetrics).register(router);
    StaticFiles.fromClasspath("static").mount(router, "dashboard.html");
    StaticFiles.fromClasspath("openapi").mountFile(router, "/openapi.json", "management.json");
    return router;
  }

  private static void ready(Exchange ex, NodeRegistry registry) {
    try {
      registry.list();
      ex.sendJson(200, Map.of("status", "ready"));
    } catch (RegistryCorruptedException e) {
      ex.sendJson(503, Map.of("status", "not_ready", "reason", "registry_corrupted"));
    }
  }

  /** Every route as {@code METHOD /template}, for docs and the auth matrix test. */
  public List<String> routes() {
    return routes;
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
      if (server != null) {
        server.close();
      }
    } finally {
      try {
        lastSeen.close();
      } finally {
        client.close();
      }
    }
  }

  /** Derived from the token, so tags survive restarts without another stored secret. */
  private static byte[] etagKey(ManagementToken token) {
    return ("mio-etag-v1:" + token.value()).getBytes(StandardCharsets.UTF_8);
  }
}
