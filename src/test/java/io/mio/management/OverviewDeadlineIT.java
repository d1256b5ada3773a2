package io.mio.management;

import static io.mio.testing.HubClient.json;
import static io.mio.testing.HubClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import io.mio.testing.SilentListener;
import io.mio.testing.StatusStubs;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * 50 nodes, 10 of which accept connections and never answer: the overview of the real hub still
 * answers at its deadline, with the right summary, and the silent nodes as NODE_TIMEOUT.
 */
class OverviewDeadlineIT {

  private static final String TOKEN = "overview-it-token-0123456789";
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  /** Generous for a loaded 2-core CI machine; the deadline itself is the contract. */
  private static final Duration MARGIN = Duration.ofMillis(1500);

  @TempDir
  Path data;

  @Test
  void answersAtTheDeadlineWithTheSilentNodesAsTimeouts() throws Exception {
    List<SilentListener> silent = new ArrayList<>();
    new NodeRegistry(data.resolve("nodes.json")).edit(nodes -> nodes.add(pendingNode()));
    try (StatusStubs live = StatusStubs.start(40);
        MioProcess hub = MioProcess.management().env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
            .env("MIO_DATA_DIR", data.toString())
            .env("MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8")
            .env("MIO_OVERVIEW_DEADLINE_SECONDS", "2")
            .env("MIO_NODE_TIMEOUT_SECONDS", "10").start()) {
      HubClient api = new HubClient(hub.baseUrl(), TOKEN);
      for (int i = 0; i < 40; i++) {
        register(api, String.format("live-%02d", i), live.baseUrls().get(i));
      }
      for (int i = 0; i < 10; i++) {
        silent.add(SilentListener.on("127.0.0.1"));
        register(api, String.format("dead-%02d", i), "http://127.0.0.1:" + silent.get(i).port());
      }

      for (int round = 1; round <= 3; round++) {
        long start = System.nanoTime();
        HttpResponse<String> r = api.get("/api/v1/management/overview");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("overview of 50 nodes (10 silent), round " + round + ": "
            + took.toMillis() + " ms");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(DEADLINE.plus(MARGIN));
        checkOverview(json(r));
      }
      assertThat(silent).allSatisfy(s -> assertThat(s.connections()).isPositive());
      assertThat(hub.get("/metrics").body())
          .contains("mio_hub_node_probes_total{outcome=\"ok\"} 120.0")
          .contains("mio_hub_overview_duration_seconds_count 3");
    } finally {
      for (SilentListener s : silent) {
        s.close();
      }
    }
  }

  private static void checkOverview(JsonNode body) {
    JsonNode summary = body.get("summary");
    assertThat(summary.get("total").intValue()).isEqualTo(51);
    assertThat(summary.get("ok").intValue()).isEqualTo(40);
    assertThat(summary.get("degraded").intValue()).isZero();
    assertThat(summary.get("unavailable").intValue()).isEqualTo(10);
    assertThat(summary.get("pending").intValue()).isEqualTo(1);
    assertThat(body.get("generated_at").stringValue()).isNotBlank();
    for (JsonNode n : body.get("nodes")) {
      String id = n.get("id").stringValue();
      String status = n.get("status").stringValue();
      if (id.startsWith("live")) {
        assertThat(status).as(id).isEqualTo("ok");
        assertThat(n.get("latency_ms").isNumber()).isTrue();
        assertThat(n.get("node_status").get("status").stringValue()).isEqualTo("ok");
        assertThat(n.get("last_seen").isString()).isTrue();
      } else if (id.startsWith("dead")) {
        assertThat(status).as(id).isEqualTo("unavailable");
        assertThat(n.get("error").get("code").stringValue()).isEqualTo("NODE_TIMEOUT");
      } else {
        assertThat(status).as(id).isEqualTo("pending");
        assertThat(n.has("error")).isFalse();
      }
    }
  }

  private static void register(HubClient api, String id, String baseUrl) throws Exception {
    HttpResponse<String> r = api.post("/api/v1/nodes", q("{'id':'" + id + "','name':'" + id
        + "','base_url':'" + baseUrl + "'}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  // Discovered but not approved: listed, never called (its address would refuse anyway).
  private static Node pendingNode() {
    return new Node("pending-1", "pending", URI.create("http://127.0.0.1:9"), NodeAuth.NONE,
        Map.of(), Node.HTTP, new Discovery(Discovery.Source.DISCOVERED, false, Instant.now(),
            Instant.now()), null);
  }
}
