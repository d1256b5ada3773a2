package io.mio.management;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A separate JVM that rewrites a registry file as fast as it can, printing {@code writing N} just
 * before each write, until it is killed. {@link NodeRegistryCrashIT} kills it at random moments.
 * Bounded: it stops by itself after {@code MAX_WRITES} writes.
 */
public final class RegistryWriter {

  static final int MAX_WRITES = 100_000;
  static final int NODES = 40;

  private RegistryWriter() {}

  public static void main(String[] args) {
    NodeRegistry registry = new NodeRegistry(Path.of(args[0]));
    for (int write = 1; write <= MAX_WRITES; write++) {
      int round = write;
      registry.edit(nodes -> {
        String id = "cam-" + (round % NODES);
        nodes.removeIf(n -> n.id().equals(id));
        nodes.add(node(id, round));
        // Printed just before the registry encodes and writes: the test kills on this line.
        System.out.println("writing " + round);
      });
    }
  }

  // Big enough (about 7 KB a node) that a kill often lands in the middle of writing bytes.
  private static Node node(String id, int round) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      labels.put("label-" + i, ("round " + round + " ").repeat(20));
    }
    return new Node(id, "node " + id + " round " + round, URI.create("http://10.0.0.1:8000"),
        NodeAuth.basic("user", "pw-" + round), labels, Node.HTTP,
        Discovery.manual(Instant.parse("2026-12-04T09:00:00Z")), Instant.now());
  }
}
