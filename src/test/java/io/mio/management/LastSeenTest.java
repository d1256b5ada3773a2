package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastSeenTest {

  private static final Instant T1 = Instant.parse("2026-12-04T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-12-04T10:05:00Z");

  @TempDir
  Path dir;

  @Test
  void keepsProbeTimesInMemoryUntilFlushed() throws Exception {
    NodeRegistry registry = new NodeRegistry(dir.resolve("nodes.json"));
    registry.edit(nodes -> nodes.add(NodeRegistryTest.node("cam-1")));
    byte[] before = Files.readAllBytes(registry.file());
    try (LastSeen lastSeen = new LastSeen(registry)) {
      lastSeen.record("cam-1", T1);

      assertThat(Files.readAllBytes(registry.file())).isEqualTo(before);
      assertThat(lastSeen.of(registry.find("cam-1").orElseThrow())).isEqualTo(T1);
    }
    assertThat(registry.find("cam-1").orElseThrow().lastSeen()).isEqualTo(T1);
  }

  @Test
  void showsTheNewerOfMemoryAndFile() {
    NodeRegistry registry = new NodeRegistry(dir.resolve("nodes.json"));
    Node stored = NodeRegistryTest.node("cam-1").withLastSeen(T2);
    try (LastSeen lastSeen = new LastSeen(registry)) {
      lastSeen.record("cam-1", T1);

      assertThat(lastSeen.of(stored)).isEqualTo(T2);
      assertThat(lastSeen.of(stored.withLastSeen(null))).isEqualTo(T1);
    }
  }

  @Test
  void writesNothingWhenNothingWasSeen() {
    NodeRegistry registry = new NodeRegistry(dir.resolve("nodes.json"));
    new LastSeen(registry).close();

    assertThat(registry.file()).doesNotExist();
  }

  @Test
  void doesNotResurrectDeletedNodes() {
    NodeRegistry registry = new NodeRegistry(dir.resolve("nodes.json"));
    registry.edit(nodes -> nodes.add(NodeRegistryTest.node("cam-1")));
    try (LastSeen lastSeen = new LastSeen(registry)) {
      lastSeen.record("cam-1", T1);
      registry.edit(nodes -> nodes.clear());
    }
    assertThat(registry.list()).isEmpty();
  }
}
