package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.metrics.MetricsRegistry;
import io.mio.net.NodeClient;
import io.mio.net.NodeClientSettings;
import io.mio.net.SsrfPolicy;
import io.mio.testing.SilentListener;
import io.mio.testing.StatusStubs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewTest {

  // Room for a cold JVM's first calls on a busy machine: live stand-ins must beat it.
  private static final Duration DEADLINE = Duration.ofMillis(2000);

  private static final HubMetrics METRICS = new HubMetrics(new MetricsRegistry());

  @TempDir
  Path dir;

  private NodeClient client;
  private LastSeen lastSeen;

  @BeforeEach
  void start() {
    // The client's own timeout is far beyond the deadline: only the deadline can end a probe.
    client = new NodeClient(NodeClientSettings.of(SsrfPolicy.parse("127.0.0.0/8"),
        Duration.ofSeconds(30)));
    lastSeen = new LastSeen(new NodeRegistry(dir.resolve("nodes.json")));
  }

  private Overview overview(Duration deadline) {
    NodeView view = new NodeView(new Etags(new byte[] {1}), lastSeen);
    return new Overview(new NodeProbe(client, lastSeen, Clock.systemUTC(), METRICS), view,
        deadline, Clock.systemUTC(), METRICS);
  }

  @AfterEach
  void stop() {
    lastSeen.close();
    client.close();
  }

  @Test
  void endsAtTheDeadlineWithSilentNodesAsTimeoutsAndNeverCallsPendingOnes() throws Exception {
    List<SilentListener> silent = new ArrayList<>();
    try (StatusStubs live = StatusStubs.start(20);
        SilentListener pendingTarget = SilentListener.on("127.0.0.1")) {
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        nodes.add(node("live-" + i, live.baseUrls().get(i), true));
        silent.add(SilentListener.on("127.0.0.1"));
        nodes.add(node("silent-" + i, "http://127.0.0.1:" + silent.get(i).port(), true));
      }
      nodes.add(node("pending", "http://127.0.0.1:" + pendingTarget.port(), false));
      overview(Duration.ofSeconds(30)).build(nodes.subList(0, 1));

      long start = System.nanoTime();
      Map<String, Object> out = overview(DEADLINE).build(nodes);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(DEADLINE.plusMillis(1500));
      assertThat(out.get("summary")).isEqualTo(Map.of("total", 41, "ok", 20, "degraded", 0,
          "unavailable", 20, "pending", 1));
      assertThat(pendingTarget.connections()).isZero();
      // Silent nodes hold their permits to the end, so exactly CONCURRENCY of them were called.
      assertThat(silent.stream().filter(l -> l.connections() > 0).count())
          .isEqualTo(Overview.CONCURRENCY);
    } finally {
      for (SilentListener l : silent) {
        l.close();
      }
    }
  }

  @Test
  void probesNodesThatFailedLastTimeAfterTheOthers() throws Exception {
    List<SilentListener> silent = new ArrayList<>();
    try (StatusStubs live = StatusStubs.start(4)) {
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < Overview.CONCURRENCY; i++) {
        silent.add(SilentListener.on("127.0.0.1"));
        nodes.add(node("a-silent-" + i, "http://127.0.0.1:" + silent.get(i).port(), true));
      }
      for (int i = 0; i < 4; i++) {
        nodes.add(node("b-live-" + i, live.baseUrls().get(i), true));
      }
      Overview overview = overview(Duration.ofMillis(1500));
      overview.build(nodes);

      Map<String, Object> second = overview.build(nodes);

      assertThat(second.get("summary")).isEqualTo(Map.of("total", 20, "ok", 4, "degraded", 0,
          "unavailable", 16, "pending", 0));
    } finally {
      for (SilentListener l : silent) {
        l.close();
      }
    }
  }

  @Test
  void listsNodesSortedById() throws Exception {
    try (StatusStubs live = StatusStubs.start(2)) {
      Map<String, Object> out = overview(Duration.ofSeconds(30)).build(List.of(
          node("b", live.baseUrls().get(0), true), node("a", live.baseUrls().get(1), true)));

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> entries = (List<Map<String, Object>>) out.get("nodes");
      assertThat(entries).extracting(e -> e.get("id")).containsExactly("a", "b");
      assertThat(entries).allSatisfy(e -> assertThat(e.get("status")).isEqualTo("ok"));
    }
  }

  private static Node node(String id, String baseUrl, boolean approved) {
    Discovery d = approved ? Discovery.manual(Instant.now())
        : new Discovery(Discovery.Source.DISCOVERED, false, Instant.now(), Instant.now());
    return new Node(id, id, URI.create(baseUrl), NodeAuth.NONE, Map.of(), Node.HTTP, d, null);
  }
}
