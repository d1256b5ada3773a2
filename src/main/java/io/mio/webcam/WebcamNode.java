package io.mio.webcam;

import io.mio.http.Access;
import io.mio.http.Router;
import io.mio.http.StaticFiles;
import io.mio.http.WebServer;
import java.time.Duration;
import java.util.Map;

/** A running webcam node. (Skeleton: serves /health only until the camera work lands.) */
public final class WebcamNode implements AutoCloseable {

  private final WebServer server;

  private WebcamNode(WebServer server) {
    this.server = server;
  }

  public static WebcamNode start(WebcamConfig config) throws Exception {
    Router router = new Router();
    router.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, Map.of("status", "ok")));
    StaticFiles.fromClasspath("static").mount(router, "webcam.html");
    WebServer server = new WebServer(config.server().bindHost(), config.server().port(),
        Duration.ofSeconds(10), router).start();
    return new WebcamNode(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
