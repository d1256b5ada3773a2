package io.mio.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

  @Test
  void flagsWinOverEnvironment() {
    ConfigReader r = ConfigReader.of(Map.of("MIO_FPS", "10"), Map.of("MIO_FPS", "20"));
    assertThat(r.integer(ConfigKeys.FPS, 30, 1, 120)).isEqualTo(20);
  }

  @Test
  void ignoresEnvironmentOutsideTheMioPrefix() {
    ConfigReader r = ConfigReader.of(Map.of("FPS", "10"), Map.of());
    assertThat(r.integer(ConfigKeys.FPS, 30, 1, 120)).isEqualTo(30);
    assertThat(r.isSet(ConfigKeys.FPS)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "'   '"})
  void treatsAnEmptyValueAsUnset(String empty) {
    ConfigReader r = ConfigReader.of(Map.of("MIO_FPS", empty), Map.of("MIO_JPEG_QUALITY", empty));

    assertThat(r.isSet(ConfigKeys.FPS)).isFalse();
    assertThat(r.isSet(ConfigKeys.JPEG_QUALITY)).isFalse();
    assertThat(r.raw(ConfigKeys.FPS)).isEmpty();
    assertThat(r.integer(ConfigKeys.FPS, 30, 1, 120)).isEqualTo(30);
    r.validate();
  }

  @Test
  void aGivenValueIsSet() {
    ConfigReader r = ConfigReader.of(Map.of("MIO_FPS", " 10 "), Map.of());

    assertThat(r.isSet(ConfigKeys.FPS)).isTrue();
  }

  @Test
  void listsEveryBadValueInOneMessage() {
    ConfigReader r = ConfigReader.of(
        Map.of("MIO_FPS", "0", "MIO_JPEG_QUALITY", "101", "MIO_RESOLUTION", "640x"), Map.of());
    r.integer(ConfigKeys.FPS, 30, 1, 120);
    r.integer(ConfigKeys.JPEG_QUALITY, 80, 1, 100);
    r.parsed(ConfigKeys.RESOLUTION, null, Resolution::parse);

    assertThatThrownBy(r::validate)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MIO_FPS (--fps) must be 1-120, got '0'")
        .hasMessageContaining("MIO_JPEG_QUALITY (--jpeg-quality) must be 1-100, got '101'")
        .hasMessageContaining("MIO_RESOLUTION (--resolution) must be WIDTHxHEIGHT like 1280x720,"
            + " got '640x'");
  }

  @Test
  void readsFractionalSeconds() {
    ConfigReader r = ConfigReader.of(Map.of("MIO_MAX_FRAME_AGE_SECONDS", "2.5"), Map.of());
    Duration d = r.seconds(ConfigKeys.MAX_FRAME_AGE_SECONDS, Duration.ofSeconds(10),
        Duration.ofMillis(500), Duration.ofSeconds(60));
    assertThat(d).isEqualTo(Duration.ofMillis(2500));
  }

  @ParameterizedTest
  @CsvSource({"abc", "1.5", "-3", "9x", "NaN"})
  void refusesNonIntegers(String text) {
    ConfigReader r = ConfigReader.of(Map.of("MIO_FPS", text), Map.of());
    r.integer(ConfigKeys.FPS, 30, 1, 120);
    assertThatThrownBy(r::validate).hasMessageContaining("MIO_FPS");
  }

  @ParameterizedTest
  @CsvSource({"640x480,640,480", "1280x720,1280,720", " 16x16 ,16,16"})
  void parsesResolutions(String text, int w, int h) {
    assertThat(Resolution.parse(text)).isEqualTo(new Resolution(w, h));
  }

  @ParameterizedTest
  @CsvSource({"640x", "x480", "640X480", "640*480", "0x0", "5000x100", "abc", "-640x480"})
  void refusesBadResolutions(String text) {
    assertThatThrownBy(() -> Resolution.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
