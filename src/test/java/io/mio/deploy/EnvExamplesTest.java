package io.mio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.config.ConfigKey;
import io.mio.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The environment file examples and every deployment file agree with the {@link ConfigKeys}
 * catalogue: no invented variable, no variable left out, defaults shown as the code has them.
 */
class EnvExamplesTest {

  private static final Pattern VARIABLE = Pattern.compile("\\bMIO_[A-Z0-9_]+");

  @ParameterizedTest
  @ValueSource(strings = {"webcam.env.example", "management.env.example",
      "single-host.env.example"})
  void examplesNameOnlyCatalogueVariables(String file) throws IOException {
    assertThat(EnvExample.read(file).variables()).isNotEmpty()
        .isSubsetOf(EnvExample.catalogueNames());
  }

  @Test
  void webcamExampleShowsEveryVariableTheWebcamReads() throws IOException {
    assertThat(EnvExample.read("webcam.env.example").variables())
        .containsExactlyInAnyOrderElementsOf(EnvExample.namesOf(ConfigKeys.WEBCAM));
  }

  @Test
  void managementExampleShowsEveryVariableTheHubReads() throws IOException {
    assertThat(EnvExample.read("management.env.example").variables())
        .containsExactlyInAnyOrderElementsOf(EnvExample.namesOf(ConfigKeys.MANAGEMENT));
  }

  @Test
  void everyCatalogueKeyBelongsToAMode() {
    Set<ConfigKey> inModes = new HashSet<>(ConfigKeys.COMMON);
    inModes.addAll(ConfigKeys.WEBCAM);
    inModes.addAll(ConfigKeys.MANAGEMENT);

    assertThat(EnvExample.catalogue()).isNotEmpty().allMatch(inModes::contains,
        "listed in ConfigKeys.COMMON, WEBCAM or MANAGEMENT (else no example shows it)");
  }

  /** Copying an example changes nothing until the user uncomments a line on purpose. */
  @ParameterizedTest
  @ValueSource(strings = {"webcam.env.example", "management.env.example"})
  void envFileExamplesLeaveEveryVariableCommentedOut(String file) throws IOException {
    assertThat(EnvExample.read(file).set()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"webcam.env.example", "management.env.example"})
  void examplesShowTheDefaultsTheCodeHas(String file) throws IOException {
    EnvExample example = EnvExample.read(file);
    for (ConfigKey key : EnvExample.catalogue()) {
      String shown = example.shown().get(key.env());
      // Defaults such as "<data dir>/settings.json" or "host name" are prose, not values.
      if (shown != null && key.defaultText().matches("[^\\s<]+")
          && !List.of("derived", "generated").contains(key.defaultText())) {
        assertThat(shown).as(key.env() + " in " + file).isEqualTo(key.defaultText());
      }
    }
  }

  @Test
  void deploymentFilesNameOnlyCatalogueVariables() throws IOException {
    Set<String> used = new LinkedHashSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("deploy"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : Stream.concat(files.stream(), Stream.of(Dockerfile.PATH)).toList()) {
      Matcher m = VARIABLE.matcher(Files.readString(file));
      while (m.find()) {
        used.add(m.group());
      }
    }

    assertThat(used).contains("MIO_DATA_DIR").isSubsetOf(EnvExample.catalogueNames());
  }
}
