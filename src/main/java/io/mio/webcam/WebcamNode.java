package io.mio.webcam;

import io.mio.camera.Cameras;
import io.mio.camera.FrameSource;
import io.mio.discovery.AdvertisedUrl;
import io.mio.discovery.Announcement;
import io.mio.discovery.Announcer;
import io.mio.discovery.DiscoveryConfig;
import io.mio.discovery.NodeIdentity;
import io.mio.http.Router;
import io.mio.http.StaticFiles;
import io.mio.http.WebServer;
import io.mio.metrics.MetricsRegistry;
import io.mio.stream.FrameHub;
import io.mio.stream.StreamStats;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running webcam node: camera source, frame hub, routes and web server, wired in that order
 * and closed in reverse.
 */
public final class WebcamNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebcamNode.class);
  /** Jetty's idle timeout for ordinary requests; streams make their own progress checks. */
  private static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final FrameSource source;
  private final FrameHub hub;
  private final WebServer server;
  /** Set once during start, before the node is handed out; null without discovery. */
  private Announcer announcer;

  private final List<String> routes;

  private WebcamNode(FrameSource source, FrameHub hub, WebServer server, List<String> routes) {
    this.source = source;
    this.hub = hub;
    this.server = server;
    this.routes = List.copyOf(routes);
  }

  /** Every route as {@code METHOD /template}, for docs and the auth matrix test. */
  public List<String> routes() {
    return routes;
  }

  /** Starts a node on the camera its configuration names. */
  public static WebcamNode start(WebcamConfig config) throws Exception {
    return start(config, Cameras.create(config.camera()));
  }

  /** Starts a node on the given source; the node owns the source and closes it. */
  public static WebcamNode start(WebcamConfig config, FrameSource source) throws Exception {
    ControlPlane control = ControlPlane.open(config, source);
    FrameHub hub = new FrameHub();
    StreamStats streams = new StreamStats(control.current().maxStreamConnections());
    NodeHealth health = new NodeHealth(source, hub, () -> control.current().maxFrameAge());
    MetricsRegistry metrics = new MetricsRegistry();
    WebcamMetrics.register(metrics, source, hub, streams);

    Router router = new Router();
    String name = config.server().nodeName();
    new StatusRoutes(name, source, hub, streams, health, metrics).register(router);
    StaticFiles ui = StaticFiles.fromClasspath("static").mount(router);
    new MediaRoutes(hub, streams, health, control::stream).register(router, ui.page("webcam.html"));
    control.register(router, source, streams);
    StaticFiles.fromClasspath("openapi").mountFile(router, "/openapi.json", "webcam.json");

    source.start(hub);
    Duration idle = config.stream().writeTimeout().plusSeconds(5);
    WebServer server = new WebServer(config.server().bindHost(), config.server().port(),
        idle.compareTo(MIN_IDLE_TIMEOUT) > 0 ? idle : MIN_IDLE_TIMEOUT, router);
    WebcamNode node = new WebcamNode(source, hub, server, router.describe());
    try {
      server.start();
      LOG.info("webcam started: listening on http://{}:{} camera={} max_streams={} {}",
          config.server().bindHost(), server.port(), source.describe(),
          control.current().maxStreamConnections(), control.describe());
      node.announcer = announce(config, server.port());
    } catch (Exception e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** Starts announcing to the hub when discovery is configured; null otherwise. */
  private static Announcer announce(WebcamConfig config, int port) throws IOException {
    DiscoveryConfig d = config.discovery();
    if (!d.enabled()) {
      return null;
    }
    Optional<URI> url = d.advertiseUrl()
        .or(() -> AdvertisedUrl.derive(config.server().bindHost(), port));
    if (url.isEmpty()) {
      LOG.warn("discovery: no LAN address found to advertise; set MIO_DISCOVERY_ADVERTISE_URL"
          + " to the URL the hub should use, e.g. http://192.168.1.20:{}", port);
      return null;
    }
    if (config.control().adminToken().isEmpty() && config.control().streamAuth().required()) {
      LOG.warn("discovery: MIO_STREAM_AUTH is set but MIO_WEBCAM_AUTH_TOKEN is not, so the hub"
          + " gets no credential to read /api/status; set MIO_WEBCAM_AUTH_TOKEN");
    }
    String id = NodeIdentity.loadOrCreate(config.server().dataDir());
    return Announcer.start(d, new Announcement(id, config.server().nodeName(), url.get(),
        config.control().adminToken(), StatusRoutes.VERSION));
  }

  public int port() {
    return server.port();
  }

  /** Ends open streams first so the server can stop without waiting for them. */
  @Override
  public void close() throws Exception {
    if (announcer != null) {
      announcer.close();
    }
    hub.close();
    try {
      server.close();
    } finally {
      source.close();
    }
  }
}
