package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.http.Access;
import io.mio.http.AuthFailureLimiter;
import io.mio.http.BearerGuard;
import io.mio.http.BearerToken;
import io.mio.http.Router;
import io.mio.http.WebServer;
import io.mio.metrics.MetricsRegistry;
import io.mio.net.NodeClient;
import io.mio.net.NodeClientSettings;
import io.mio.net.SsrfPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes a node served by our own HTTP stack behind a bearer guard, as a webcam would be. */
class NodeProbeTest {

  private static final String NODE_TOKEN = "node-token-0123456789abcdef";

  private static final HubMetrics METRICS = new HubMetrics(new MetricsRegistry());

  @TempDir
  Path dir;

  private final AtomicReference<Object> answer = new AtomicReference<>();
  private WebServer node;
  private NodeClient client;
  private LastSeen lastSeen;
  private NodeProbe probe;

  @BeforeEach
  void start() throws Exception {
    Router router = new Router().guard(BearerGuard.publicOpen(BearerToken.of(NODE_TOKEN),
        new AuthFailureLimiter(1000, Duration.ofMinutes(1), System::nanoTime), "node"));
    router.get("/api/status", Access.ADMIN, ex -> ex.sendJson(200, answer.get()));
    node = new WebServer("127.0.0.1", 0, Duration.ofSeconds(5), router).start();
    client = new NodeClient(NodeClientSettings.of(SsrfPolicy.parse("127.0.0.0/8")));
    lastSeen = new LastSeen(new NodeRegistry(dir.resolve("nodes.json")));
    probe = new NodeProbe(client, lastSeen, Clock.systemUTC(), METRICS);
  }

  @AfterEach
  void stop() throws Exception {
    lastSeen.close();
    client.close();
    node.close();
  }

  @Test
  void reportsTheNodesOwnStatusAndRecordsLastSeen() {
    answer.set(Map.of("status", "degraded", "reason", "stale_frame"));
    Node n = node(NodeAuth.bearer(NODE_TOKEN));

    ProbeResult r = probe.probe(n);

    assertThat(r).isInstanceOfSatisfying(ProbeResult.Answered.class, a -> {
      assertThat(a.status()).isEqualTo("degraded");
      assertThat(a.nodeStatus().get("reason").stringValue()).isEqualTo("stale_frame");
    });
    assertThat(lastSeen.of(n)).isEqualTo(r.checkedAt());
  }

  @Test
  void reportsWrongCredentialsAsNodeUnauthorized() {
    answer.set(Map.of("status", "ok"));
    Node n = node(NodeAuth.bearer("wrong-token"));

    assertThat(probe.probe(n)).isInstanceOfSatisfying(ProbeResult.Failed.class,
        f -> assertThat(f.error().code().name()).isEqualTo("NODE_UNAUTHORIZED"));
    assertThat(lastSeen.of(n)).isNull();
  }

  @Test
  void reportsJsonWithoutAStatusAsInvalid() {
    answer.set(Map.of("hello", "world"));

    assertThat(probe.probe(node(NodeAuth.bearer(NODE_TOKEN))))
        .isInstanceOfSatisfying(ProbeResult.Failed.class,
            f -> assertThat(f.error().code().name()).isEqualTo("NODE_INVALID_RESPONSE"));
  }

  @Test
  void buildsBasicAndBearerHeaders() {
    assertThat(NodeProbe.authorization(NodeAuth.NONE)).isNull();
    assertThat(NodeProbe.authorization(NodeAuth.bearer("abc"))).isEqualTo("Bearer abc");
    assertThat(NodeProbe.authorization(NodeAuth.basic("u", "p"))).isEqualTo("Basic dTpw");
  }

  private Node node(NodeAuth auth) {
    return new Node("cam", "cam", URI.create("http://127.0.0.1:" + node.port()), auth, Map.of(),
        Node.HTTP, Discovery.manual(Instant.now()), null);
  }
}
