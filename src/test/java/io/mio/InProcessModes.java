package io.mio;

import io.mio.config.ConfigReader;
import io.mio.management.ManagementConfig;
import io.mio.management.ManagementHub;
import io.mio.webcam.WebcamConfig;
import io.mio.webcam.WebcamNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webcam node on the mock camera and a hub, both in this JVM on free loopback ports, with
 * every credential configured: the webcam's admin token and a Basic stream credential, the hub's
 * token and discovery secret. The hub may call loopback, so it can reach the webcam.
 */
final class InProcessModes implements AutoCloseable {

  static final String ADMIN = "Bearer webcam-admin-0123456789";
  static final String VIEWER = "Basic " + Base64.getEncoder().encodeToString(
      "viewer:view-pass".getBytes(StandardCharsets.UTF_8));
  static final String HUB = "Bearer hub-admin-0123456789";
  static final String SECRET = "Bearer discovery-secret-0123456789";

  /** Spreads requests over 127.0.x.y, so the failed-auth limiter never answers for a test. */
  private static final AtomicInteger SOURCE = new AtomicInteger(10);

  final WebcamNode webcam;
  final ManagementHub hub;

  InProcessModes(Path data) throws Exception {
    Map<String, String> common = Map.of("MIO_BIND_HOST", "127.0.0.1", "MIO_PORT", "0");
    Map<String, String> cam = new HashMap<>(common);
    cam.putAll(Map.of("MIO_CAMERA", "mock", "MIO_RESOLUTION", "160x120", "MIO_FPS", "5",
        "MIO_DATA_DIR", data.resolve("webcam").toString(),
        "MIO_WEBCAM_AUTH_TOKEN", ADMIN.substring(7),
        "MIO_STREAM_AUTH", "basic:viewer:view-pass"));
    Map<String, String> hubEnv = new HashMap<>(common);
    hubEnv.putAll(Map.of("MIO_DATA_DIR", data.resolve("hub").toString(),
        "MIO_MANAGEMENT_AUTH_TOKEN", HUB.substring(7),
        "MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET.substring(7),
        "MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8"));
    webcam = WebcamNode.start(read(cam, WebcamConfig::read));
    try {
      hub = ManagementHub.start(read(hubEnv, ManagementConfig::read));
    } catch (Exception e) {
      webcam.close();
      throw e;
    }
  }

  private static <T> T read(Map<String, String> env,
      java.util.function.Function<ConfigReader, T> reader) {
    ConfigReader r = ConfigReader.of(env, Map.of());
    T config = reader.apply(r);
    r.validate();
    return config;
  }

  /** One request, from its own loopback address; {@code authorization} may be null. */
  static HttpResponse<String> send(int port, String method, String pathAndQuery,
      String authorization, String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    int n = SOURCE.incrementAndGet();
    InetAddress source = InetAddress.getByName("127.0." + (n / 250 % 250) + "." + (n % 250 + 2));
    try (HttpClient client = HttpClient.newBuilder().localAddress(source).build()) {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Override
  public void close() throws Exception {
    try {
      hub.close();
    } finally {
      webcam.close();
    }
  }
}
