package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeRegistryTest {

  @TempDir
  Path dir;

  @Test
  void aMissingFileIsAnEmptyRegistry() {
    assertThat(new NodeRegistry(dir.resolve("nodes.json")).list()).isEmpty();
  }

  @Test
  void keepsWhatItWritesAcrossInstances() {
    Path file = dir.resolve("sub/nodes.json");
    Node node = node("cam-1").withLastSeen(Instant.parse("2026-12-04T10:00:00Z"));
    new NodeRegistry(file).update(nodes -> nodes.add(node));

    assertThat(new NodeRegistry(file).list()).containsExactly(node);
  }

  @Test
  void writesTheFileForItsOwnerOnlyAndLeavesNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("nodes.json");
    new NodeRegistry(file).update(nodes -> nodes.add(node("cam-1")));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("nodes.json", "nodes.json.lock");
    }
  }

  @Test
  void concurrentCreatesAndUpdatesLoseNothing() throws Exception {
    Path file = dir.resolve("nodes.json");
    // Two instances on one file, as a second hub process would be, plus many threads each.
    NodeRegistry a = new NodeRegistry(file);
    NodeRegistry b = new NodeRegistry(file);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < 50; i++) {
        NodeRegistry r = i % 2 == 0 ? a : b;
        String id = "cam-" + i;
        done.add(pool.submit(() -> {
          go.await();
          r.update(nodes -> nodes.add(node(id)));
          r.edit(nodes -> nodes.replaceAll(n -> n.id().equals(id) ? renamed(n) : n));
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    }

    List<Node> nodes = a.list();
    assertThat(nodes).hasSize(50);
    assertThat(nodes).allSatisfy(n -> assertThat(n.name()).isEqualTo("renamed " + n.id()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "not json", "[]", "{\"nodes\":[]}",
      "{\"schema\":2,\"nodes\":[]}", "{\"schema\":1}", "{\"schema\":1,\"nodes\":[{\"id\":\"x\"}]}",
      "{\"schema\":1,\"nodes\":[]} trailing"})
  void refusesToReadOrWriteACorruptFileAndLeavesItsBytesUnchanged(String content)
      throws Exception {
    Path file = dir.resolve("nodes.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(file);
    NodeRegistry registry = new NodeRegistry(file);

    assertThatThrownBy(registry::list).isInstanceOfSatisfying(RegistryCorruptedException.class,
        e -> {
          assertThat(e.code()).isEqualTo("REGISTRY_CORRUPTED");
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.getMessage()).contains(file.toString()).contains("move it away");
        });
    assertThatThrownBy(() -> registry.update(nodes -> nodes.add(node("cam-1"))))
        .isInstanceOf(RegistryCorruptedException.class);
    assertThatThrownBy(() -> registry.find("cam-1"))
        .isInstanceOf(RegistryCorruptedException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"token\":987654321987", "\"token\":{\"v\":\"s3cretTok3n\"}"})
  void aWellFormedButInvalidEntryIsNamedWithoutQuotingItsValues(String token) throws Exception {
    Path file = dir.resolve("nodes.json");
    Files.writeString(file, "{\"schema\":1,\"nodes\":[{\"id\":\"c\",\"name\":\"n\","
        + "\"base_url\":\"http://h\",\"auth\":{\"type\":\"bearer\"," + token + "},"
        + "\"labels\":{},\"transport\":\"http\",\"discovery\":{\"source\":\"manual\","
        + "\"approved\":true,\"first_seen\":\"2026-01-01T00:00:00Z\"}}]}",
        StandardCharsets.UTF_8);

    assertThatThrownBy(new NodeRegistry(file)::list)
        .isInstanceOfSatisfying(RegistryCorruptedException.class, e ->
            assertThat(e.getMessage() + e.details()).contains("node #1")
                .doesNotContain("987654321987").doesNotContain("s3cret"));
  }

  @Test
  void namesTheLineAndColumnOfBadJsonButNeverQuotesTheFile() throws Exception {
    Path file = dir.resolve("nodes.json");
    Files.writeString(file, "{\"schema\":1,\"nodes\":[{\"id\":\"c\",\n"
        + "\"auth\":{\"type\":\"bearer\",\"token\":s3cretTok3nValue}}]}",
        StandardCharsets.UTF_8);

    assertThatThrownBy(new NodeRegistry(file)::list)
        .isInstanceOfSatisfying(RegistryCorruptedException.class, e -> {
          assertThat(e.getMessage()).contains("line 2").contains("column")
              .doesNotContain("s3cret");
          assertThat(e.details().toString()).doesNotContain("s3cret");
        });
  }

  @Test
  void refusesDuplicateIdsInTheFile() throws Exception {
    Path file = dir.resolve("nodes.json");
    NodeRegistry registry = new NodeRegistry(file);
    registry.update(nodes -> nodes.add(node("cam-1")));
    String one = Files.readString(file);
    String twice = one.replaceFirst("\\[", "[" + extractNode(one) + ",");
    Files.writeString(file, twice);

    assertThatThrownBy(registry::list).isInstanceOf(RegistryCorruptedException.class)
        .hasMessageContaining("appears twice");
  }

  @Test
  void refusesAPathThatIsADirectory() throws Exception {
    Path file = Files.createDirectory(dir.resolve("nodes.json"));

    assertThatThrownBy(() -> new NodeRegistry(file).list())
        .isInstanceOf(RegistryCorruptedException.class);
  }

  @Test
  void writesNothingWhenAChangeThrows() throws Exception {
    Path file = dir.resolve("nodes.json");
    NodeRegistry registry = new NodeRegistry(file);
    registry.update(nodes -> nodes.add(node("cam-1")));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> registry.update(nodes -> {
      nodes.clear();
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  static Node node(String id) {
    return new Node(id, "node " + id, URI.create("http://192.168.1.20:8000"),
        NodeAuth.bearer("secret-" + id), Map.of("room", "lab"), Node.HTTP,
        Discovery.manual(Instant.parse("2026-12-04T09:00:00Z")), null);
  }

  private static Node renamed(Node n) {
    return new Node(n.id(), "renamed " + n.id(), n.baseUrl(), n.auth(), n.labels(),
        n.transport(), n.discovery(), n.lastSeen());
  }

  private static String extractNode(String json) {
    int start = json.indexOf('{', json.indexOf('['));
    int end = json.lastIndexOf(']');
    return json.substring(start, end).strip();
  }
}
