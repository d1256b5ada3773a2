package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mio.testing.MioProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone holding the discovery secret re-announces an approved node with their own URL: the hub
 * must withdraw approval instead of sending the operator's webcam credentials there.
 */
class DiscoveryTakeoverIT {

  private static final String TOKEN = "takeover-test-token-0123456789";
  private static final String SECRET = "takeover-discovery-secret-0123";
  private static final String NODE_TOKEN = "operator-webcam-token-4242";
  private static final String ID = "node-0123456789ab";

  @TempDir
  Path data;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void aMovedApprovedNodeIsPendingAndGetsNoCredentialsUntilApprovedAgain() throws Exception {
    List<String> legit = new CopyOnWriteArrayList<>();
    List<String> attacker = new CopyOnWriteArrayList<>();
    String legitUrl = recorder(legit);
    String attackerUrl = recorder(attacker);
    try (MioProcess hub = MioProcess.management()
        .env("MIO_DATA_DIR", data.toString()).env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8")
        .env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET).start()) {
      assertThat(announce(hub, legitUrl).statusCode()).isEqualTo(201);
      assertThat(admin(hub, "POST", "/api/v1/nodes/" + ID + "/discovery/approve", "")
          .statusCode()).isEqualTo(200);
      assertThat(admin(hub, "PATCH", "/api/v1/nodes/" + ID,
          "{\"auth\":{\"type\":\"bearer\",\"token\":\"" + NODE_TOKEN + "\"}}").statusCode())
          .isEqualTo(200);
      admin(hub, "GET", "/api/v1/nodes/" + ID + "/status", "");
      assertThat(legit).contains("Bearer " + NODE_TOKEN);

      HttpResponse<String> moved = announce(hub, attackerUrl);
      admin(hub, "GET", "/api/v1/nodes/" + ID + "/status", "");
      admin(hub, "GET", "/api/v1/management/overview", "");
      HttpResponse<String> node = admin(hub, "GET", "/api/v1/nodes/" + ID, "");

      assertThat(moved.statusCode()).isEqualTo(200);
      assertThat(moved.body()).contains("\"approved\":false");
      assertThat(node.body()).contains("\"approved\":false").contains(attackerUrl);
      assertThat(attacker).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> hub.logText().lines().anyMatch(
          l -> l.contains("WARN") && l.contains(ID) && l.contains(legitUrl)
              && l.contains(attackerUrl)));
      assertThat(hub.logText()).doesNotContain(NODE_TOKEN);
    }
  }

  /** A server on 127.0.0.1 that records the Authorization header of every request. */
  private String recorder(List<String> authorizations) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        0), 0);
    server.createContext("/", ex -> {
      authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    servers.add(server);
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static HttpResponse<String> announce(MioProcess hub, String baseUrl)
      throws IOException, InterruptedException {
    String body = "{\"node_id\":\"" + ID + "\",\"name\":\"porch\",\"base_url\":\"" + baseUrl
        + "\",\"auth\":{\"type\":\"none\"},\"version\":\"1\"}";
    return hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/discovery/announce"))
        .header("Authorization", "Bearer " + SECRET).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> admin(MioProcess hub, String method, String path,
      String body) throws IOException, InterruptedException {
    return hub.send(HttpRequest.newBuilder(hub.uri(path)).header("Authorization", "Bearer "
        + TOKEN).header("Content-Type", "application/merge-patch+json").method(method,
            body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }
}
