package io.mio.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every compose file and every supported combination of base file and overrides is valid for
 * Debian's {@code docker-compose config}, and resolves to what docs/DEPLOYMENT.md promises:
 * ports that match the health check, state in a volume, devices only where a camera needs them,
 * a hardened variant, and a single host where the webcam reaches the hub by service name.
 */
class ComposeFilesTest {

  @TempDir
  static Path root;

  private static ComposeProject project;

  @BeforeAll
  static void layOutAProject() throws IOException {
    assumeTrue(Command.installed("docker-compose"),
        "docker-compose is not installed; ./mio test installs it (Debian package docker-compose)");
    project = ComposeProject.create(root);
  }

  static Stream<List<String>> combinations() {
    return Stream.of(
        List.of("webcam.yml"),
        List.of("webcam.yml", "mock.override.yml"),
        List.of("webcam.yml", "usb.override.yml"),
        List.of("webcam.yml", "csi.override.yml"),
        List.of("webcam.yml", "mock.override.yml", "hardened.override.yml"),
        List.of("webcam.yml", "usb.override.yml", "hardened.override.yml"),
        List.of("webcam.yml", "csi.override.yml", "hardened.override.yml"),
        List.of("management.yml"),
        List.of("management.yml", "hardened.override.yml"),
        List.of("single-host.yml"));
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void combinationIsValidCompose(List<String> files) {
    Command.Result r = project.config(files, true);

    assertThat(r.exit()).as("docker-compose config for %s: %s", files, r).isZero();
    assertThat(r.stderr()).as("warnings").doesNotContainIgnoringCase("warning");
  }

  @Test
  void everyShippedComposeFileIsInACheckedCombination() throws IOException {
    Set<String> checked = new HashSet<>();
    combinations().forEach(checked::addAll);
    List<String> shipped;
    try (Stream<Path> files = Files.list(EnvExample.DIR)) {
      shipped = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yml"))
          .toList();
    }

    assertThat(shipped).isNotEmpty();
    assertThat(checked).containsAll(shipped);
  }

  @Test
  void containerPortIsTheOneTheHealthCheckAsks() {
    assertPorts(project.resolved("webcam.yml").at("/services/mio"), 8000);
    assertPorts(project.resolved("management.yml").at("/services/mio"), 8001);
    JsonNode single = project.resolved("single-host.yml");
    assertPorts(single.at("/services/webcam"), 8000);
    assertPorts(single.at("/services/management"), 8001);
  }

  private static void assertPorts(JsonNode service, int port) {
    assertThat(service.at("/environment/MIO_PORT").asString()).isEqualTo(Integer.toString(port));
    assertThat(service.at("/environment/MIO_BIND_HOST").asString()).isEqualTo("0.0.0.0");
    assertThat(service.at("/ports/0/target").asInt()).isEqualTo(port);
  }

  @Test
  void stateLivesInANamedVolumeAtTheDataDirectory() {
    for (String file : List.of("webcam.yml", "management.yml")) {
      JsonNode config = project.resolved(file);
      JsonNode mio = config.at("/services/mio");
      String volume = mio.at("/volumes/0").asString();

      assertThat(mio.at("/environment/MIO_DATA_DIR").asString()).isEqualTo("/data");
      assertThat(volume).endsWith(":/data:rw");
      assertThat(config.at("/volumes").has(volume.substring(0, volume.indexOf(':')))).isTrue();
    }
  }

  @Test
  void onlyCameraOverridesPassDevices() {
    JsonNode mock = project.resolved("webcam.yml", "mock.override.yml").at("/services/mio");
    JsonNode usb = project.resolved("webcam.yml", "usb.override.yml").at("/services/mio");

    assertThat(mock.has("devices")).isFalse();
    assertThat(mock.at("/environment/MIO_CAMERA").asString()).isEqualTo("mock");
    assertThat(texts(usb.at("/devices"))).containsExactly("/dev/video0:/dev/video0");
    assertThat(texts(usb.at("/group_add"))).containsExactly("video");
    assertThat(usb.at("/environment/MIO_CAMERA_DEVICE").asString()).isEqualTo("/dev/video0");
  }

  @Test
  void csiOverrideGivesTheHostsCameraNodesUdevAndThePiImage() {
    JsonNode csi = project.resolved("webcam.yml", "csi.override.yml").at("/services/mio");

    assertThat(texts(csi.at("/devices"))).hasSize(7)
        .anyMatch(d -> d.endsWith("/dma_heap/linux,cma")).anyMatch(d -> d.endsWith("/media1"));
    assertThat(texts(csi.at("/volumes"))).contains("/run/udev:/run/udev:ro");
    assertThat(texts(csi.at("/group_add"))).containsExactly("video");
    assertThat(csi.at("/build/target").asString()).isEqualTo("webcam-pi");
    assertThat(csi.at("/environment/MIO_CAMERA").asString()).isEqualTo("csi");
  }

  @Test
  void csiOverrideRefusesAHostWithoutCameraNodes() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty-dev"));
    Command.Result r = project.script("--dev", empty.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stderr()).contains("no camera device").contains("rpicam-hello");
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void hardenedOverrideDropsEveryPrivilege() {
    for (String base : List.of("webcam.yml", "management.yml")) {
      JsonNode mio = project.resolved(base, "hardened.override.yml").at("/services/mio");

      assertThat(mio.at("/read_only").asBoolean()).as(base).isTrue();
      assertThat(texts(mio.at("/cap_drop"))).as(base).containsExactly("ALL");
      assertThat(texts(mio.at("/security_opt"))).as(base).contains("no-new-privileges:true");
      assertThat(mio.at("/user").asString()).as(base).isEqualTo("10001:10001");
      assertThat(texts(mio.at("/tmpfs"))).as(base).anyMatch(t -> t.startsWith("/tmp:"));
      assertThat(mio.has("privileged")).as(base).isFalse();
    }
  }

  @Test
  void singleHostWebcamWaitsForAHealthyHubAndMeetsItByServiceName() {
    JsonNode services = project.resolved("single-host.yml").at("/services");
    JsonNode webcam = services.at("/webcam");

    assertThat(webcam.at("/depends_on/management/condition").asString())
        .isEqualTo("service_healthy");
    assertThat(webcam.at("/environment/MIO_DISCOVERY_MANAGEMENT_URL").asString())
        .isEqualTo("http://management:" + services.at("/management/ports/0/target").asInt());
    assertThat(webcam.at("/environment/MIO_DISCOVERY_ADVERTISE_URL").asString())
        .isEqualTo("http://webcam:" + webcam.at("/ports/0/target").asInt());
    assertThat(webcam.at("/environment/MIO_CAMERA").asString()).isEqualTo("mock");
    for (String name : List.of("webcam", "management")) {
      assertThat(services.at("/" + name + "/environment/MIO_NODE_DISCOVERY_SHARED_SECRET")
          .asString()).isEqualTo(ComposeProject.SECRET);
      assertThat(services.at("/" + name + "/read_only").asBoolean()).isTrue();
    }
  }

  @Test
  void singleHostRefusesAnEmptyDiscoverySecret() {
    Command.Result r = project.config(List.of("single-host.yml"), false);

    assertThat(r.exit()).isNotZero();
    assertThat(r.output()).contains("copy single-host.env.example to .env and set it");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
