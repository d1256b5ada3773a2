package io.mio.management;

import io.mio.http.Access;
import io.mio.http.Router;
import io.mio.http.StaticFiles;
import io.mio.http.WebServer;
import java.time.Duration;
import java.util.Map;

/** A running management hub. (Skeleton: serves /health only until the hub work lands.) */
public final class ManagementHub implements AutoCloseable {

  private final WebServer server;

  private ManagementHub(WebServer server) {
    this.server = server;
  }

  public static ManagementHub start(ManagementConfig config) throws Exception {
    Router router = new Router();
    router.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, Map.of("status", "ok")));
    StaticFiles.fromClasspath("static").mount(router, "dashboard.html");
    WebServer server = new WebServer(config.server().bindHost(), config.server().port(),
        Duration.ofSeconds(30), router).start();
    return new ManagementHub(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
