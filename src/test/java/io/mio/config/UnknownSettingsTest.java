package io.mio.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownSettingsTest {

  @Test
  void knownNamesAndOtherVariablesAreNotReported() {
    assertThat(UnknownSettings.warnings(Map.of("MIO_FPS", "10", "MIO_NODE_ALLOWED_NETWORKS", "x",
        "PATH", "/bin", "HOME", "/root"))).isEmpty();
  }

  @Test
  void aMisspeltNameIsReportedWithTheClosestRealOne() {
    assertThat(UnknownSettings.warnings(Map.of("MIO_FSP", "10", "MIO_RESOLUTON", "640x480")))
        .containsExactly(
            "MIO_FSP is not a motion-in-ocean setting and is ignored; did you mean MIO_FPS?",
            "MIO_RESOLUTON is not a motion-in-ocean setting and is ignored; did you mean"
                + " MIO_RESOLUTION?");
  }

  @Test
  void aNameFarFromEveryRealOnePointsAtTheHelpAndTheUpgradeNotes() {
    assertThat(UnknownSettings.warnings(Map.of("MIO_PERFORMANCE_PROFILE", "pi3")))
        .singleElement().asString()
        .startsWith("MIO_PERFORMANCE_PROFILE is not a motion-in-ocean setting and is ignored")
        .contains("mio webcam --help").contains("docs/DEPLOYMENT.md");
  }

  @Test
  void theValueIsNeverRepeated() {
    assertThat(UnknownSettings.warnings(Map.of("MIO_WEBCAM_TOKEN", "s3cr3t-value")))
        .singleElement().asString().doesNotContain("s3cr3t-value");
  }

  @ParameterizedTest
  @CsvSource({"kitten, sitting, 3", "MIO_FPS, MIO_FPS, 0", "MIO_FSP, MIO_FPS, 2", "'', abc, 3"})
  void distanceCountsSingleCharacterEdits(String a, String b, int expected) {
    assertThat(UnknownSettings.distance(a, b)).isEqualTo(expected);
    assertThat(UnknownSettings.distance(b, a)).isEqualTo(expected);
  }
}
