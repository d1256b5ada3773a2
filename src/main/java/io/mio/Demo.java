package io.mio;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import io.mio.config.ServerConfig;
import io.mio.management.ManagementConfig;
import io.mio.management.ManagementHub;
import io.mio.webcam.WebcamConfig;
import io.mio.webcam.WebcamNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code mio demo}: a hub on 127.0.0.1:8001 and two mock webcams on 127.0.0.1:8000 and :8002,
 * in this one process, with both webcams registered at the hub. Everything binds to loopback,
 * and only this hub allows loopback node addresses ({@code 127.0.0.0/8}): a first look, not a
 * deployment. {@code MIO_PORT} moves the hub, the webcams sit one port below and above it.
 * State goes to {@code <MIO_DATA_DIR>/demo}.
 */
final class Demo {

  private static final String LOOPBACK = "127.0.0.1";

  private Demo() {}

  static int run(ConfigReader r, PrintWriter out, Consumer<AutoCloseable> awaitStop) {
    ServerConfig base = ServerConfig.read(r, 8001);
    int hubPort = r.integer(ConfigKeys.PORT, 8001, 2, 65534);
    r.validate();
    Logging.configure(base);
    Path dir = base.dataDir().resolve("demo").toAbsolutePath();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      List<String> cams = List.of(webcam(started, hubPort - 1, dir, "demo-webcam-1"),
          webcam(started, hubPort + 1, dir, "demo-webcam-2"));
      ManagementHub hub = ManagementHub.start(settings(ManagementConfig::read, Map.of(
          "MIO_PORT", Integer.toString(hubPort), "MIO_DATA_DIR", dir.resolve("hub").toString(),
          "MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8", "MIO_NODE_NAME", "demo-hub")));
      started.add(hub);
      String hubUrl = "http://" + LOOPBACK + ":" + hub.port();
      for (int i = 0; i < cams.size(); i++) {
        register(hubUrl, hub.token(), "demo-webcam-" + (i + 1), cams.get(i));
      }
      printWelcome(out, hubUrl, cams, hub.token());
    } catch (Exception e) {
      out.println("demo failed to start: " + e.getMessage());
      out.println("Are ports " + (hubPort - 1) + "-" + (hubPort + 1) + " free? Set MIO_PORT to"
          + " move the demo (the webcams use the ports below and above it).");
      closeAll(started);
      return 1;
    }
    awaitStop.accept(() -> closeAll(started));
    return 0;
  }

  private static String webcam(List<AutoCloseable> started, int port, Path dir, String name)
      throws Exception {
    Path data = dir.resolve(name);
    seedSettings(data);
    WebcamNode node = WebcamNode.start(settings(WebcamConfig::read, Map.of(
        "MIO_PORT", Integer.toString(port), "MIO_CAMERA", "mock", "MIO_NODE_NAME", name,
        "MIO_DATA_DIR", data.toString())));
    started.add(node);
    return "http://" + LOOPBACK + ":" + node.port();
  }

  /**
   * Starts a demo webcam small and light (640x480@15) through its settings file rather than the
   * environment, so the settings panel can still change them (environment values are pinned).
   * An existing file, with the visitor's earlier changes, is kept.
   */
  private static void seedSettings(Path data) throws IOException {
    Path file = data.resolve("settings.json");
    if (!Files.exists(file)) {
      Files.createDirectories(data);
      Files.writeString(file,
          "{\"schema\":1,\"settings\":{\"resolution\":\"640x480\",\"fps\":15}}\n");
    }
  }

  /** Fixed settings on loopback; the process environment does not leak into the demo. */
  static <T> T settings(Function<ConfigReader, T> read, Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put("MIO_BIND_HOST", LOOPBACK);
    ConfigReader reader = ConfigReader.of(all, Map.of());
    T config = read.apply(reader);
    reader.validate();
    return config;
  }

  // Through the hub's own API, as a person would; 409 means a previous demo registered it.
  private static void register(String hubUrl, String token, String id, String baseUrl)
      throws Exception {
    String body = "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"base_url\":\"" + baseUrl
        + "\"}";
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hubUrl
          + "/api/v1/nodes")).timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201 && r.statusCode() != 409) {
        throw new IllegalStateException("registering " + id + " answered " + r.statusCode()
            + ": " + r.body());
      }
    }
  }

  private static void printWelcome(PrintWriter out, String hubUrl, List<String> cams,
      String token) {
    out.println();
    out.println("motion-in-ocean demo is running (Ctrl+C stops it)");
    out.println("  hub:      " + hubUrl);
    for (int i = 0; i < cams.size(); i++) {
      out.println("  webcam " + (i + 1) + ": " + cams.get(i) + "  (stream: " + cams.get(i)
          + "/stream.mjpg)");
    }
    out.println("  token:    " + token);
    out.println("  try:      curl -H 'Authorization: Bearer " + token + "' " + hubUrl
        + "/api/v1/management/overview");
    out.println();
    out.flush();
  }

  private static void closeAll(List<AutoCloseable> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("demo: stopping a part failed: " + e);
      }
    }
  }
}
