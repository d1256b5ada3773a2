package io.mio;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.config.ConfigReader;
import io.mio.management.ManagementConfig;
import io.mio.management.ManagementHub;
import io.mio.testing.MioProcess;
import io.mio.webcam.WebcamConfig;
import io.mio.webcam.WebcamNode;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the webcam and the hub, called without credentials, with a wrong token, with
 * the stream-only credential and with the admin token: only the documented public routes answer
 * without one. Each call comes from its own loopback address (127.0.x.y), so the failed-auth
 * limiter of one row never answers for another.
 */
class AuthMatrixIT {

  private static final String ADMIN = "webcam-admin-0123456789";
  private static final String HUB = "hub-admin-0123456789";
  private static final String SECRET = "discovery-secret-0123456789";
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      "viewer:view-pass".getBytes(StandardCharsets.UTF_8));
  private static final AtomicInteger SOURCE = new AtomicInteger(10);

  /** Who may call a route, as documented. */
  enum Level { PUBLIC, VIEWER, ADMIN, ANNOUNCE }

  /** The documented access of every webcam route, keyed as Router.describe() writes it. */
  static final Map<String, Level> WEBCAM = Map.ofEntries(
      Map.entry("GET /health", Level.PUBLIC), Map.entry("GET /ready", Level.PUBLIC),
      Map.entry("GET /metrics", Level.PUBLIC), Map.entry("GET /api/status", Level.VIEWER),
      Map.entry("GET /stream.mjpg", Level.VIEWER), Map.entry("GET /snapshot.jpg", Level.VIEWER),
      Map.entry("GET /", Level.VIEWER), Map.entry("GET /webcam", Level.VIEWER),
      Map.entry("GET /static/{file}", Level.PUBLIC), Map.entry("GET /openapi.json", Level.PUBLIC),
      Map.entry("GET /api/v1/settings", Level.ADMIN),
      Map.entry("PATCH /api/v1/settings", Level.ADMIN),
      Map.entry("POST /api/v1/actions/{action}", Level.ADMIN));

  /** The same for the hub; its viewer level does not exist, the stream credential is wrong. */
  static final Map<String, Level> HUB_ROUTES = Map.ofEntries(
      Map.entry("GET /health", Level.PUBLIC), Map.entry("GET /ready", Level.PUBLIC),
      Map.entry("GET /metrics", Level.PUBLIC), Map.entry("GET /", Level.PUBLIC),
      Map.entry("GET /static/{file}", Level.PUBLIC), Map.entry("GET /openapi.json", Level.PUBLIC),
      Map.entry("GET /api/v1/nodes", Level.ADMIN), Map.entry("POST /api/v1/nodes", Level.ADMIN),
      Map.entry("GET /api/v1/nodes/{id}", Level.ADMIN),
      Map.entry("PUT /api/v1/nodes/{id}", Level.ADMIN),
      Map.entry("PATCH /api/v1/nodes/{id}", Level.ADMIN),
      Map.entry("DELETE /api/v1/nodes/{id}", Level.ADMIN),
      Map.entry("GET /api/v1/nodes/{id}/status", Level.ADMIN),
      Map.entry("GET /api/v1/management/overview", Level.ADMIN),
      Map.entry("POST /api/v1/nodes/{id}/actions/{action}", Level.ADMIN),
      Map.entry("POST /api/v1/nodes/{id}/discovery/approve", Level.ADMIN),
      Map.entry("POST /api/v1/nodes/{id}/discovery/reject", Level.ADMIN),
      Map.entry("POST /api/v1/discovery/announce", Level.ANNOUNCE));

  private static Path data;
  private static MioProcess webcam;
  private static MioProcess hub;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("mio-auth-matrix");
    webcam = MioProcess.webcam().env("MIO_CAMERA", "mock").env("MIO_RESOLUTION", "320x240")
        .env("MIO_DATA_DIR", data.resolve("cam").toString())
        .env("MIO_WEBCAM_AUTH_TOKEN", ADMIN)
        .env("MIO_STREAM_AUTH", "basic:viewer:view-pass").start().awaitReady();
    hub = MioProcess.management().env("MIO_DATA_DIR", data.resolve("hub").toString())
        .env("MIO_MANAGEMENT_AUTH_TOKEN", HUB).env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET)
        .start();
  }

  @AfterAll
  static void stop() {
    webcam.close();
    hub.close();
  }

  @Test
  void theTablesNameEveryRouteThereIs() throws Exception {
    Map<String, String> env = Map.of("MIO_CAMERA", "mock", "MIO_PORT", "0", "MIO_BIND_HOST",
        "127.0.0.1", "MIO_DATA_DIR", data.resolve("in-jvm").toString(),
        "MIO_MANAGEMENT_AUTH_TOKEN", HUB);
    try (WebcamNode node = WebcamNode.start(WebcamConfig.read(ConfigReader.of(env, Map.of())));
        ManagementHub h = ManagementHub.start(
            ManagementConfig.read(ConfigReader.of(env, Map.of())))) {
      assertThat(node.routes()).containsExactlyInAnyOrderElementsOf(WEBCAM.keySet());
      assertThat(h.routes()).containsExactlyInAnyOrderElementsOf(HUB_ROUTES.keySet());
    }
  }

  @Test
  void onlyPublicWebcamRoutesAnswerWithoutCredentials() throws Exception {
    List<String> wrong = new ArrayList<>();
    WEBCAM.forEach((route, level) -> {
      check(wrong, webcam, route, null, level == Level.PUBLIC ? 0 : 401);
      check(wrong, webcam, route, "Bearer wrong-token", level == Level.PUBLIC ? 0 : 401);
      check(wrong, webcam, route, BASIC, level == Level.ADMIN ? 403 : 0);
      check(wrong, webcam, route, "Bearer " + ADMIN, 0);
    });
    assertThat(wrong).isEmpty();
  }

  @Test
  void onlyPublicHubRoutesAnswerWithoutTheHubToken() throws Exception {
    List<String> wrong = new ArrayList<>();
    HUB_ROUTES.forEach((route, level) -> {
      int refused = level == Level.PUBLIC ? 0 : 401;
      check(wrong, hub, route, null, refused);
      check(wrong, hub, route, "Bearer wrong-token", refused);
      check(wrong, hub, route, BASIC, refused);
      check(wrong, hub, route, "Bearer " + ADMIN, refused);
      check(wrong, hub, route, "Bearer " + HUB, level == Level.ANNOUNCE ? 401 : 0);
    });
    check(wrong, hub, "POST /api/v1/discovery/announce", "Bearer " + SECRET, 0);
    assertThat(wrong).isEmpty();
  }

  @Test
  void aRefusedViewerIsAskedForBasicAndARefusedAdminForBearer() throws Exception {
    HttpResponse<String> stream = call(webcam, "GET /snapshot.jpg", null);
    HttpResponse<String> settings = call(webcam, "GET /api/v1/settings", null);

    assertThat(stream.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic ");
    assertThat(settings.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer ");
  }

  /**
   * Records a mismatch: {@code expected} 0 means "let through" (any status but 401 and 403),
   * otherwise the exact status.
   */
  private static void check(List<String> wrong, MioProcess target, String route,
      String authorization, int expected) {
    try {
      int status = call(target, route, authorization).statusCode();
      boolean ok = expected == 0 ? status != 401 && status != 403 : status == expected;
      if (!ok) {
        wrong.add(route + " with " + shown(authorization) + " -> " + status + ", expected "
            + (expected == 0 ? "not 401/403" : expected));
      }
    } catch (Exception e) {
      wrong.add(route + " with " + shown(authorization) + " failed: " + e);
    }
  }

  private static HttpResponse<String> call(MioProcess target, String route,
      String authorization) throws Exception {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1).replace("{id}", "nope")
        .replace("{action}", "restart-camera").replace("{file}", "style.css");
    // A stream GET never ends; HEAD takes the same guard and returns at once.
    String sent = path.equals("/stream.mjpg") ? "HEAD" : method;
    HttpRequest.Builder b = HttpRequest.newBuilder(target.uri(path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .method(sent, bodyOf(method, path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    int n = SOURCE.incrementAndGet();
    InetAddress source = InetAddress.getByName("127.0." + (n / 250) + "." + (n % 250 + 2));
    try (HttpClient client = HttpClient.newBuilder().localAddress(source).build()) {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static HttpRequest.BodyPublisher bodyOf(String method, String path) {
    if (method.equals("GET") || method.equals("DELETE")) {
      return HttpRequest.BodyPublishers.noBody();
    }
    String body = switch (path) {
      case "/api/v1/settings" -> "{\"jpeg_quality\":70}";
      case "/api/v1/discovery/announce" -> "{\"node_id\":\"node-00000000abcd\",\"name\":\"m\","
          + "\"base_url\":\"http://192.168.1.30:8000\",\"auth\":{\"type\":\"none\"}}";
      default -> "{}";
    };
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private static String shown(String authorization) {
    return authorization == null ? "no credentials"
        : authorization.startsWith("Basic") ? "the stream credential"
        : authorization.contains(ADMIN) ? "the webcam admin token"
        : authorization.contains(HUB) ? "the hub token"
        : authorization.contains(SECRET) ? "the discovery secret" : "a wrong token";
  }
}
