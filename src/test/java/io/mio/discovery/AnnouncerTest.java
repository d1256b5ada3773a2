package io.mio.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mio.http.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnnouncerTest {

  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authHeaders = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(201);
  private HttpServer hub;

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.stop(0);
    }
  }

  @Test
  void announcesIdNameUrlAndCallbackTokenWithTheSharedSecret() throws Exception {
    startHub();
    try (Announcer a = Announcer.start(config(Duration.ofSeconds(60)), announcement())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !bodies.isEmpty());
    }

    JsonNode body = bodies.getFirst();
    assertThat(body.get("node_id").asString()).isEqualTo("node-0123456789ab");
    assertThat(body.get("name").asString()).isEqualTo("porch");
    assertThat(body.get("base_url").asString()).isEqualTo("http://192.168.1.101:8000");
    assertThat(body.get("auth").get("type").asString()).isEqualTo("bearer");
    assertThat(body.get("auth").get("token").asString()).isEqualTo("cam-token");
    assertThat(authHeaders.getFirst()).isEqualTo("Bearer shared-secret");
  }

  @Test
  void keepsAnnouncingEveryInterval() throws Exception {
    startHub();
    try (Announcer a = Announcer.start(config(Duration.ofSeconds(1)), announcement())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() >= 3);
    }
  }

  @Test
  void retriesUntilARefusingHubAccepts() throws Exception {
    answer.set(401);
    startHub();
    try (Announcer a = Announcer.start(config(Duration.ofSeconds(30)), announcement())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() >= 2);
      answer.set(201);
      int before = bodies.size();
      await().atMost(Duration.ofSeconds(15)).until(() -> bodies.size() > before);
    }
  }

  @Test
  void announcesNoTokenWhenTheNodeHasNone() throws Exception {
    startHub();
    Announcement open = new Announcement("node-0123456789ab", "porch",
        URI.create("http://192.168.1.101:8000"), Optional.empty(), "1.0");
    try (Announcer a = Announcer.start(config(Duration.ofSeconds(60)), open)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !bodies.isEmpty());
    }
    assertThat(bodies.getFirst().get("auth").get("type").asString()).isEqualTo("none");
    assertThat(bodies.getFirst().get("auth").has("token")).isFalse();
  }

  @Test
  void readsOnlyTheStartOfAHugeReply() throws Exception {
    hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger sentMegabytes = new AtomicInteger();
    hub.createContext("/api/v1/discovery/announce", exchange -> {
      exchange.getRequestBody().readAllBytes();
      bodies.add(Json.MAPPER.readTree("{}"));
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[1024 * 1024];
      try (var out = exchange.getResponseBody()) {
        for (int i = 0; i < 512; i++) {
          out.write(chunk);
          sentMegabytes.incrementAndGet();
        }
      } catch (java.io.IOException e) {
        // the announcer hung up: what this test wants
      }
    });
    hub.start();
    try (Announcer a = Announcer.start(config(Duration.ofSeconds(60)), announcement())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !bodies.isEmpty());
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(sentMegabytes.get()).isLessThan(512));
    }
  }

  @Test
  void describesItselfWithoutTheToken() {
    assertThat(announcement().toString()).doesNotContain("cam-token").contains("(set)");
  }

  private void startHub() throws Exception {
    hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hub.createContext("/api/v1/discovery/announce", exchange -> {
      bodies.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
      authHeaders.add(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] reply = "{\"id\":\"node-0123456789ab\",\"approved\":false}".getBytes();
      exchange.sendResponseHeaders(answer.get(), reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    hub.start();
  }

  private DiscoveryConfig config(Duration interval) {
    URI url = URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
    return new DiscoveryConfig(Optional.of(url), "shared-secret", Optional.empty(), interval);
  }

  private static Announcement announcement() {
    return new Announcement("node-0123456789ab", "porch", URI.create("http://192.168.1.101:8000"),
        Optional.of("cam-token"), "1.0");
  }
}
