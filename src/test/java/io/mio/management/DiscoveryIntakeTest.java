package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mio.http.ApiException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First announcements create pending nodes; later ones respect what an operator changed. */
class DiscoveryIntakeTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");

  @TempDir
  Path dir;

  private static AnnounceRequest announce(String name, String url, String token) {
    return new AnnounceRequest("node-0123456789ab", name, URI.create(url),
        token == null ? NodeAuth.NONE : NodeAuth.bearer(token), "1.0");
  }

  @Test
  void theFirstAnnouncementCreatesAPendingDiscoveredNode() {
    List<Node> nodes = new ArrayList<>();

    DiscoveryIntake.Outcome o = DiscoveryIntake.apply(nodes,
        announce("porch", "http://192.168.1.20:8000", "t1"), T0);

    assertThat(o.created()).isTrue();
    assertThat(nodes).hasSize(1);
    Node n = nodes.get(0);
    assertThat(n.discovery().source()).isEqualTo(Discovery.Source.DISCOVERED);
    assertThat(n.approved()).isFalse();
    assertThat(n.discovery().firstSeen()).isEqualTo(T0);
    assertThat(n.auth()).isEqualTo(NodeAuth.bearer("t1"));
  }

  @Test
  void aReAnnouncementRefreshesUneditedFields() {
    List<Node> nodes = new ArrayList<>();
    DiscoveryIntake.apply(nodes, announce("porch", "http://192.168.1.20:8000", "t1"), T0);

    DiscoveryIntake.Outcome o = DiscoveryIntake.apply(nodes,
        announce("porch-2", "http://192.168.1.21:8000", "t2"), T1);

    assertThat(o.created()).isFalse();
    assertThat(o.node().name()).isEqualTo("porch-2");
    assertThat(o.node().baseUrl()).isEqualTo(URI.create("http://192.168.1.21:8000"));
    assertThat(o.node().auth()).isEqualTo(NodeAuth.bearer("t2"));
    assertThat(o.node().discovery().lastAnnounceAt()).isEqualTo(T1);
    assertThat(o.node().discovery().firstSeen()).isEqualTo(T0);
  }

  @Test
  void aReAnnouncementNeverOverwritesWhatAnOperatorEdited() {
    List<Node> nodes = new ArrayList<>();
    DiscoveryIntake.apply(nodes, announce("porch", "http://192.168.1.20:8000", "t1"), T0);
    Node n = nodes.get(0);
    nodes.set(0, new Node(n.id(), "Front door", n.baseUrl(), NodeAuth.basic("op", "pw"),
        Map.of("room", "hall"), n.transport(), n.discovery(), n.lastSeen()));

    Node after = DiscoveryIntake.apply(nodes,
        announce("porch-2", "http://192.168.1.21:8000", "t2"), T1).node();

    assertThat(after.name()).isEqualTo("Front door");
    assertThat(after.auth()).isEqualTo(NodeAuth.basic("op", "pw"));
    assertThat(after.labels()).containsEntry("room", "hall");
    assertThat(after.baseUrl()).isEqualTo(URI.create("http://192.168.1.21:8000"));
  }

  @Test
  void anApprovedNodeAnnouncingANewUrlGoesBackToPendingKeepingTheOperatorsAuth() {
    List<Node> nodes = approvedWithOperatorAuth();

    DiscoveryIntake.Outcome o = DiscoveryIntake.apply(nodes,
        announce("porch", "http://192.168.1.66:8000", "t1"), T1);

    assertThat(o.node().baseUrl()).isEqualTo(URI.create("http://192.168.1.66:8000"));
    assertThat(o.node().approved()).isFalse();
    assertThat(o.unapproved()).isTrue();
    assertThat(o.before().baseUrl()).isEqualTo(URI.create("http://192.168.1.20:8000"));
    assertThat(nodes.get(0).approved()).isFalse();
  }

  @Test
  void anApprovedNodeAnnouncingOtherCallbackAuthGoesBackToPending() {
    List<Node> nodes = approvedWithOperatorAuth();

    Node after = DiscoveryIntake.apply(nodes,
        announce("porch", "http://192.168.1.20:8000", "t-other"), T1).node();

    assertThat(after.approved()).isFalse();
    assertThat(after.auth()).isEqualTo(NodeAuth.basic("op", "pw"));
  }

  @Test
  void anApprovedNodeReAnnouncingTheSameUrlAndAuthStaysApproved() {
    List<Node> nodes = approvedWithOperatorAuth();

    DiscoveryIntake.Outcome o = DiscoveryIntake.apply(nodes,
        announce("porch-renamed", "http://192.168.1.20:8000", "t1"), T1);

    assertThat(o.node().approved()).isTrue();
    assertThat(o.unapproved()).isFalse();
  }

  @Test
  void refusesNewNodesBeyondThePendingCapButAcceptsReAnnouncements() {
    List<Node> nodes = new ArrayList<>(approvedWithOperatorAuth());
    for (int i = 0; i < DiscoveryIntake.MAX_PENDING; i++) {
      DiscoveryIntake.apply(nodes, new AnnounceRequest(String.format("node-%012x", i), "n",
          URI.create("http://192.168.1.20:8000"), NodeAuth.NONE, "1"), T0);
    }

    assertThatThrownBy(() -> DiscoveryIntake.apply(nodes, new AnnounceRequest("node-new",
        "n", URI.create("http://192.168.1.20:8000"), NodeAuth.NONE, "1"), T1))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.code()).isEqualTo("TOO_MANY_PENDING_NODES");
          assertThat(e.getMessage()).contains("approve or reject");
        });
    assertThat(nodes).hasSize(DiscoveryIntake.MAX_PENDING + 1);
    assertThat(DiscoveryIntake.apply(nodes, new AnnounceRequest(String.format("node-%012x", 0),
        "n", URI.create("http://192.168.1.20:8000"), NodeAuth.NONE, "1"), T1).created())
        .isFalse();
  }

  /** A discovered node an operator approved and gave its own credentials. */
  private static List<Node> approvedWithOperatorAuth() {
    List<Node> nodes = new ArrayList<>();
    DiscoveryIntake.apply(nodes, announce("porch", "http://192.168.1.20:8000", "t1"), T0);
    Node n = nodes.get(0);
    Discovery d = n.discovery();
    nodes.set(0, new Node(n.id(), n.name(), n.baseUrl(), NodeAuth.basic("op", "pw"), n.labels(),
        n.transport(), new Discovery(d.source(), true, d.firstSeen(), d.lastAnnounceAt(),
            d.announced()), n.lastSeen()));
    return nodes;
  }

  @Test
  void anUnchangedReAnnouncementMovesTheTimeOnlyEveryFiveMinutes() throws Exception {
    NodeRegistry registry = new NodeRegistry(dir.resolve("nodes.json"));
    AnnounceRequest same = announce("porch", "http://192.168.1.20:8000", "t1");
    registry.update(nodes -> DiscoveryIntake.apply(nodes, same, T0));
    FileTime written =
        Files.getLastModifiedTime(registry.file());
    Files.setLastModifiedTime(registry.file(),
        FileTime.fromMillis(written.toMillis() - 60_000));
    FileTime marked =
        Files.getLastModifiedTime(registry.file());

    Node soon = registry.update(nodes -> DiscoveryIntake.apply(nodes, same, T1)).node();

    assertThat(soon.discovery().lastAnnounceAt()).isEqualTo(T0);
    assertThat(Files.getLastModifiedTime(registry.file()))
        .as("no write for a time-only change").isEqualTo(marked);
    Node later = registry.update(nodes -> DiscoveryIntake.apply(nodes, same,
        T0.plus(DiscoveryIntake.RECORD_ANNOUNCE_EVERY))).node();
    assertThat(later.discovery().lastAnnounceAt())
        .isEqualTo(T0.plus(DiscoveryIntake.RECORD_ANNOUNCE_EVERY));
    assertThat(registry.list().getFirst().discovery().lastAnnounceAt())
        .isEqualTo(T0.plus(DiscoveryIntake.RECORD_ANNOUNCE_EVERY));
  }

  @Test
  void aReAnnouncementThatChangesSomethingIsRecordedAtOnceWithItsTime() {
    List<Node> nodes = new ArrayList<>();
    DiscoveryIntake.apply(nodes, announce("porch", "http://192.168.1.20:8000", "t1"), T0);

    Node after = DiscoveryIntake.apply(nodes,
        announce("porch-renamed", "http://192.168.1.20:8000", "t1"), T1).node();

    assertThat(after.name()).isEqualTo("porch-renamed");
    assertThat(after.discovery().lastAnnounceAt()).isEqualTo(T1);
  }

  @Test
  void aManualNodeOnlyGetsItsAnnouncementTime() {
    Node manual = new Node("node-0123456789ab", "kept", URI.create("http://192.168.1.5:8000"),
        NodeAuth.NONE, Map.of(), Node.HTTP, Discovery.manual(T0), null);
    List<Node> nodes = new ArrayList<>(List.of(manual));

    Node after = DiscoveryIntake.apply(nodes,
        announce("other", "http://192.168.1.6:8000", "t"), T1).node();

    assertThat(after.name()).isEqualTo("kept");
    assertThat(after.baseUrl()).isEqualTo(manual.baseUrl());
    assertThat(after.approved()).isTrue();
    assertThat(after.discovery().lastAnnounceAt()).isEqualTo(T1);
  }

  @Test
  void announcementDataSurvivesTheRegistryFile() {
    NodeRegistry registry = new NodeRegistry(dir.resolve("nodes.json"));
    registry.update(nodes -> DiscoveryIntake.apply(nodes,
        announce("porch", "http://192.168.1.20:8000", "t1"), T0));

    Node read = new NodeRegistry(dir.resolve("nodes.json")).list().get(0);

    assertThat(read.discovery().announced()).isEqualTo(new Discovery.Announced("porch",
        "http://192.168.1.20:8000", DiscoveryIntake.authDigest(NodeAuth.bearer("t1"))));
    assertThat(read.discovery().announced().authDigest()).doesNotContain("t1");
  }

  @Test
  void aHundredConcurrentAnnouncementsLoseNothing() throws Exception {
    NodeRegistry registry = new NodeRegistry(dir.resolve("nodes.json"));
    List<Future<?>> done = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < 100; i++) {
        String id = String.format("node-%012x", i);
        done.add(pool.submit(() -> registry.update(nodes -> DiscoveryIntake.apply(nodes,
            new AnnounceRequest(id, id, URI.create("http://192.168.1.20:8000"), NodeAuth.NONE,
                "1"), T0))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }

    assertThat(registry.list()).hasSize(100);
  }
}
