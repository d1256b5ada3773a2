package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.http.Access;
import io.mio.http.AuthFailureLimiter;
import io.mio.http.BearerToken;
import io.mio.http.Router;
import io.mio.http.WebServer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webcam access policy in a real server on loopback (LAN clients: WebcamLanIT). */
class WebcamGuardTest {

  private static final String ADMIN = "admin-token-0123456789";
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      "viewer:pa:ss".getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newHttpClient();
  private WebServer server;

  private void start(Optional<String> admin, String streamAuth) throws Exception {
    WebcamGuard guard = new WebcamGuard(admin.map(BearerToken::of), StreamAuth.parse(streamAuth),
        new AuthFailureLimiter(3, Duration.ofMinutes(1), System::nanoTime),
        List.of("http://ui.example:8001"));
    Router router = new Router().guard(guard);
    router.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, Map.of("status", "ok")));
    router.get("/stream", Access.VIEWER, ex -> ex.sendJson(200, Map.of("frame", 1)));
    router.get("/settings", Access.ADMIN, ex -> ex.sendJson(200, Map.of("fps", 30)));
    router.patch("/settings", Access.ADMIN, ex -> ex.sendJson(200, Map.of("fps", 10)));
    server = new WebServer("127.0.0.1", 0, Duration.ofSeconds(5), router).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    http.close();
  }

  @Test
  void withoutAnyCredentialConfiguredReadsAndLoopbackChangesAreOpen() throws Exception {
    start(Optional.empty(), "");

    assertThat(send("GET", "/stream", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/settings", null).statusCode()).isEqualTo(200);
    assertThat(send("PATCH", "/settings", null).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAChangeFromAForeignPageEvenOnLoopback() throws Exception {
    start(Optional.empty(), "");

    HttpResponse<String> r = send("PATCH", "/settings", null, "Origin", "http://evil.example");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("MIO_CORS_ORIGINS");
    assertThat(send("PATCH", "/settings", null, "Origin", "http://ui.example:8001")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void refusesADnsRebindingChangeWhoseHostIsNotLoopback() throws Exception {
    start(Optional.empty(), "");

    String rebound = raw("PATCH", "evil.example:27000", "http://evil.example:27000");

    assertThat(rebound).startsWith("HTTP/1.1 403").contains("MIO_WEBCAM_AUTH_TOKEN");
    assertThat(raw("PATCH", "evil.example:27000", null)).startsWith("HTTP/1.1 403");
    assertThat(raw("GET", "evil.example:27000", null)).startsWith("HTTP/1.1 200");
    for (String host : List.of("localhost:1", "127.0.0.1", "127.1.2.3:80", "[::1]:8000")) {
      assertThat(raw("PATCH", host, null)).as(host).startsWith("HTTP/1.1 200");
    }
    assertThat(raw("PATCH", "localhost:1", "http://localhost:1")).startsWith("HTTP/1.1 200");
    assertThat(raw("PATCH", "localhost:1", "http://evil.example")).startsWith("HTTP/1.1 403");
  }

  @Test
  void aTokenMakesTheHostIrrelevant() throws Exception {
    start(Optional.of(ADMIN), "");

    assertThat(raw("PATCH", "camera.lan:8000", null, "Authorization: Bearer " + ADMIN))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void basicStreamAuthChallengesWithBasicAndAcceptsItsCredentialOrTheAdminToken()
      throws Exception {
    start(Optional.of(ADMIN), "basic:viewer:pa:ss");

    HttpResponse<String> none = send("GET", "/stream", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue(
        "Basic realm=\"mio-webcam\", charset=\"UTF-8\"");
    assertThat(send("GET", "/stream", BASIC).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/stream", "Bearer " + ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  void bearerStreamAuthIsReadOnly() throws Exception {
    start(Optional.of(ADMIN), "bearer:viewer-token");

    assertThat(send("GET", "/stream", "Bearer viewer-token").statusCode()).isEqualTo(200);
    HttpResponse<String> settings = send("GET", "/settings", "Bearer viewer-token");
    assertThat(settings.statusCode()).isEqualTo(403);
    assertThat(settings.body()).contains("only allows viewing");
  }

  @Test
  void adminRoutesNeedTheBearerTokenWhenOneIsSet() throws Exception {
    start(Optional.of(ADMIN), "basic:viewer:pa:ss");

    HttpResponse<String> none = send("PATCH", "/settings", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(send("PATCH", "/settings", BASIC).statusCode()).isEqualTo(403);
    assertThat(send("PATCH", "/settings", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(send("PATCH", "/settings", "Bearer " + ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAnAddressThatFailedTooOftenEvenWithTheRightToken() throws Exception {
    start(Optional.of(ADMIN), "");
    for (int i = 0; i < 3; i++) {
      assertThat(send("GET", "/settings", "Bearer guess-" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> r = send("GET", "/settings", "Bearer " + ADMIN);

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongCredentialOnAnOpenStreamIsIgnored() throws Exception {
    start(Optional.of(ADMIN), "");

    assertThat(send("GET", "/stream", "Bearer nonsense").statusCode()).isEqualTo(200);
  }

  /** HttpClient will not send a chosen Host header, a browser after DNS rebinding does. */
  private String raw(String method, String host, String origin, String... extra)
      throws Exception {
    StringBuilder req = new StringBuilder(method + " /settings HTTP/1.1\r\nHost: " + host
        + "\r\nContent-Length: 0\r\nConnection: close\r\n");
    if (origin != null) {
      req.append("Origin: ").append(origin).append("\r\n");
    }
    for (String h : extra) {
      req.append(h).append("\r\n");
    }
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(req.append("\r\n").toString()
          .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> send(String method, String path, String authorization,
      String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
