package io.mio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A copy of deploy/compose as a user has it after following the README steps (env files copied
 * from their examples, a CSI override generated from a fake /dev), on which Debian's
 * {@code docker-compose config} resolves and validates file combinations without an engine.
 */
final class ComposeProject {

  static final String SECRET = "test-discovery-secret";

  // docker-compose (Debian) runs on /usr/bin/python3, which therefore has PyYAML.
  private static final String YAML_TO_JSON =
      "import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)";

  private final Path dir;

  private ComposeProject(Path dir) {
    this.dir = dir;
  }

  /** Lays out {@code root}/deploy/compose and {@code root}/Dockerfile (the build context). */
  static ComposeProject create(Path root) throws IOException {
    Path dir = Files.createDirectories(root.resolve("deploy/compose"));
    try (Stream<Path> files = Files.list(EnvExample.DIR)) {
      for (Path f : files.filter(ComposeProject::isShipped).toList()) {
        Files.copy(f, dir.resolve(f.getFileName().toString()));
      }
    }
    Files.copy(Dockerfile.PATH, root.resolve("Dockerfile"));
    Files.copy(dir.resolve("webcam.env.example"), dir.resolve("webcam.env"));
    Files.copy(dir.resolve("management.env.example"), dir.resolve("management.env"));
    Files.copy(dir.resolve("single-host.env.example"), dir.resolve(".env"));
    ComposeProject project = new ComposeProject(dir);
    Files.writeString(dir.resolve("csi.override.yml"), project.csiOverride(root));
    return project;
  }

  private static boolean isShipped(Path f) {
    String name = f.getFileName().toString();
    return name.endsWith(".yml") || name.endsWith(".example") || name.endsWith(".sh");
  }

  /** Runs csi-override.sh against a /dev holding what a Raspberry Pi 5 shows. */
  private String csiOverride(Path root) throws IOException {
    Path dev = Files.createDirectories(root.resolve("dev/dma_heap"));
    for (String node : List.of("video0", "video19", "media0", "media1", "v4l-subdev0",
        "dma_heap/system", "dma_heap/linux,cma")) {
      Files.createFile(dev.getParent().resolve(node));
    }
    Command.Result r = script("--dev", dev.getParent().toString());
    assertThat(r.exit()).as("csi-override.sh %s", r).isZero();
    return r.stdout();
  }

  Command.Result script(String... args) {
    List<String> command = new ArrayList<>(List.of("sh", "csi-override.sh"));
    command.addAll(List.of(args));
    return Command.of(command).in(dir).run();
  }

  Path dir() {
    return dir;
  }

  /** {@code docker-compose -f ... config}, with the discovery secret set or not. */
  Command.Result config(List<String> files, boolean withSecret) {
    List<String> command = new ArrayList<>(List.of("docker-compose"));
    files.forEach(f -> command.addAll(List.of("-f", f)));
    command.add("config");
    Command c = Command.of(command).in(dir);
    return withSecret ? c.env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET).run() : c.run();
  }

  /** The resolved configuration of a combination, as JSON. */
  JsonNode resolved(String... files) {
    Command.Result yaml = config(List.of(files), true);
    assertThat(yaml.exit()).as("docker-compose config %s", yaml).isZero();
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Command.Result json = Command.of(python, "-c", YAML_TO_JSON).input(yaml.stdout()).run();
    assertThat(json.exit()).as("YAML to JSON %s", json).isZero();
    return Json.MAPPER.readTree(json.stdout());
  }
}
