package io.mio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each image target will do, read off the Dockerfile (no Docker engine runs here; the
 * jlink module list is proven by {@code JlinkRuntimeIT} on a real linked runtime).
 */
class DockerfileTest {

  private static Dockerfile dockerfile;

  @BeforeAll
  static void read() throws Exception {
    dockerfile = Dockerfile.read();
  }

  @ParameterizedTest
  @ValueSource(strings = {"management", "webcam", "webcam-pi"})
  void everyImageRunsAsTheNonRootAppUser(String target) {
    assertThat(dockerfile.effective(target, "USER")).hasValue("10001:10001");
    assertThat(dockerfile.all("runtime", "RUN")).anySatisfy(run -> assertThat(run)
        .contains("useradd --uid 10001").contains("--groups video"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"management", "webcam", "webcam-pi"})
  void healthCheckRunsTheJarsOwnHealthcheckSubcommand(String target) {
    String check = dockerfile.effective(target, "HEALTHCHECK").orElseThrow();

    assertThat(check).contains("CMD [\"java\"")
        .endsWith("\"-jar\", \"/app/mio.jar\", \"healthcheck\"]");
    assertThat(dockerfile.effective(target, "ENTRYPOINT")).hasValueSatisfying(e ->
        assertThat(e).contains("\"-jar\", \"/app/mio.jar\""));
  }

  @Test
  void noImageInstallsAnHttpClientTool() {
    for (Dockerfile.Stage stage : dockerfile.stages()) {
      assertThat(dockerfile.all(stage.name(), "RUN")).as(stage.name())
          .noneMatch(run -> run.matches("(?s).*\\b(curl|wget)\\b.*"));
    }
  }

  @Test
  void eachTargetListensOnThePortItsHealthCheckAsks() {
    assertThat(dockerfile.env("management", "MIO_PORT")).hasValue("8001");
    assertThat(dockerfile.effective("management", "CMD")).hasValue("[\"management\"]");
    for (String webcam : List.of("webcam", "webcam-pi")) {
      assertThat(dockerfile.env(webcam, "MIO_PORT")).as(webcam).hasValue("8000");
      assertThat(dockerfile.effective(webcam, "CMD")).as(webcam).hasValue("[\"webcam\"]");
    }
    assertThat(dockerfile.effective("runtime", "EXPOSE")).hasValue("8000 8001");
  }

  @Test
  void stateLivesInTheDataVolume() {
    assertThat(dockerfile.effective("runtime", "VOLUME")).hasValue("[\"/data\"]");
    assertThat(dockerfile.env("webcam", "MIO_DATA_DIR")).hasValue("/data");
    assertThat(dockerfile.all("runtime", "RUN"))
        .anySatisfy(run -> assertThat(run).contains("chown 10001:10001 /data"));
  }

  @Test
  void theDefaultTargetIsTheWebcamWithFfmpeg() {
    List<Dockerfile.Stage> stages = dockerfile.stages();

    assertThat(stages.getLast().name()).isEqualTo("webcam");
    assertThat(dockerfile.all("webcam", "RUN")).anySatisfy(run -> assertThat(run)
        .contains("apt-get install").contains("ffmpeg"));
    assertThat(dockerfile.all("webcam-pi", "RUN")).anySatisfy(run -> assertThat(run)
        .contains("archive.raspberrypi.com").contains("TARGETARCH"));
  }

  @Test
  void jarIsBuiltWithTheWrapperOnTheBuildPlatform() {
    Dockerfile.Stage build = dockerfile.stage("build");

    assertThat(dockerfile.argDefault("JDK_IMAGE")).hasValue("eclipse-temurin:25-jdk");
    assertThat(dockerfile.all("build", "RUN"))
        .anySatisfy(run -> assertThat(run).endsWith("./mvnw -B package -DskipTests"));
    assertThat(build.base()).isEqualTo("${JDK_IMAGE}");
    assertThat(dockerfile.argDefault("BASE_IMAGE")).hasValueSatisfying(
        base -> assertThat(base).startsWith("debian:"));
  }

  @Test
  void imagesCarryOciLabels() {
    String labels = String.join(" ", dockerfile.all("runtime", "LABEL"));

    for (String key : List.of("title", "description", "source", "version", "revision",
        "created")) {
      assertThat(labels).contains("org.opencontainers.image." + key + "=");
    }
  }

  @Test
  void buildContextHoldsOnlyTheSources() throws Exception {
    List<String> rules = Files.readAllLines(Path.of(".dockerignore")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

    assertThat(rules).first().isEqualTo("*");
    assertThat(rules).contains("!mvnw", "!.mvn/", "!pom.xml", "!src/")
        .noneMatch(r -> r.contains("target"));
  }
}
