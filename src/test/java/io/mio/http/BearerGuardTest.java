package io.mio.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard in a real server: public routes open, the rest need the token, guessers wait. */
class BearerGuardTest {

  private static final String TOKEN = "test-token-0123456789abcdef";

  private final HttpClient http = HttpClient.newHttpClient();
  private WebServer server;

  @BeforeEach
  void start() throws Exception {
    AuthFailureLimiter limiter = new AuthFailureLimiter(3, Duration.ofMinutes(1),
        System::nanoTime);
    Router router = new Router().guard(BearerGuard.publicOpen(BearerToken.of(TOKEN), limiter,
        "mio-test"));
    router.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, Map.of("status", "ok")));
    router.get("/secret", Access.ADMIN, ex -> ex.sendJson(200, Map.of("secret", "yes")));
    server = new WebServer("127.0.0.1", 0, Duration.ofSeconds(5), router).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    http.close();
  }

  @Test
  void publicRoutesNeedNoToken() throws Exception {
    assertThat(get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void otherRoutesRefuseAMissingTokenWithABearerChallenge() throws Exception {
    HttpResponse<String> r = get("/secret", null);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Bearer"));
    assertThat(r.body()).contains("\"code\":\"UNAUTHORIZED\"");
  }

  @Test
  void otherRoutesRefuseAWrongToken() throws Exception {
    HttpResponse<String> r = get("/secret", "Bearer wrong");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token");
  }

  @Test
  void otherRoutesAcceptTheRightToken() throws Exception {
    HttpResponse<String> r = get("/secret", "Bearer " + TOKEN);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("yes");
  }

  @Test
  void refusesAGuesserEvenWithTheRightTokenUntilTheWindowEnds() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(get("/secret", "Bearer guess-" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> r = get("/secret", "Bearer " + TOKEN);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(
        v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    assertThat(r.body()).contains("TOO_MANY_AUTH_FAILURES");
  }

  @Test
  void ignoresForwardingHeadersWhenCountingFailures() throws Exception {
    for (int i = 0; i < 3; i++) {
      HttpRequest.Builder b = request("/secret", "Bearer guess-" + i)
          .header("X-Forwarded-For", "10.9.9." + i);
      http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder b = request("/secret", "Bearer " + TOKEN)
        .header("X-Forwarded-For", "10.9.9.200");
    assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(429);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return http.send(request(path, authorization).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(5));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }
}
