package io.mio.webcam;

import io.mio.camera.Cameras;
import io.mio.camera.FrameSource;
import io.mio.http.Router;
import io.mio.http.WebServer;
import io.mio.metrics.MetricsRegistry;
import io.mio.stream.FrameHub;
import io.mio.stream.StreamStats;
import java.time.Duration;
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

  private WebcamNode(FrameSource source, FrameHub hub, WebServer server) {
    this.source = source;
    this.hub = hub;
    this.server = server;
  }

  /** Starts a node on the camera its configuration names. */
  public static WebcamNode start(WebcamConfig config) throws Exception {
    return start(config, Cameras.create(config.camera()));
  }

  /** Starts a node on the given source; the node owns the source and closes it. */
  public static WebcamNode start(WebcamConfig config, FrameSource source) throws Exception {
    FrameHub hub = new FrameHub();
    StreamStats streams = new StreamStats(config.stream().maxConnections());
    NodeHealth health = new NodeHealth(source, hub, () -> config.stream().maxFrameAge());
    MetricsRegistry metrics = new MetricsRegistry();
    WebcamMetrics.register(metrics, source, hub, streams);

    Router router = new Router();
    String name = config.server().nodeName();
    new StatusRoutes(name, source, hub, streams, health, metrics).register(router);
    HomePage page = new HomePage(name);
    new MediaRoutes(hub, streams, health, config::stream).register(router, page::serve);

    source.start(hub);
    Duration idle = config.stream().writeTimeout().plusSeconds(5);
    WebServer server = new WebServer(config.server().bindHost(), config.server().port(),
        idle.compareTo(MIN_IDLE_TIMEOUT) > 0 ? idle : MIN_IDLE_TIMEOUT, router);
    try {
      server.start();
    } catch (Exception e) {
      hub.close();
      source.close();
      throw e;
    }
    LOG.info("webcam started: listening on http://{}:{} camera={} max_streams={}; "
        + "state-changing routes: loopback only (no MIO_WEBCAM_AUTH_TOKEN)",
        config.server().bindHost(), server.port(), source.describe(),
        config.stream().maxConnections());
    return new WebcamNode(source, hub, server);
  }

  public int port() {
    return server.port();
  }

  /** Ends open streams first so the server can stop without waiting for them. */
  @Override
  public void close() throws Exception {
    hub.close();
    try {
      server.close();
    } finally {
      source.close();
    }
  }
}
