package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.config.ConfigReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlConfigTest {

  private static final Path DATA = Path.of("/tmp/mio-control-config-test");

  @Test
  void pinsTheSettingsGivenByEnvironmentOrFlag() {
    ConfigReader r = ConfigReader.of(Map.of("MIO_FPS", "10"), Map.of("MIO_RESOLUTION", "640x480"));

    ControlConfig c = ControlConfig.read(r, DATA);

    assertThat(c.pinned()).containsExactlyInAnyOrder(Setting.FPS, Setting.RESOLUTION);
  }

  @Test
  void anEmptyValueFromAnEnvFilePinsNothing() {
    ConfigReader r = ConfigReader.of(
        Map.of("MIO_FPS", "", "MIO_JPEG_QUALITY", "  ", "MIO_LOG_LEVEL", ""), Map.of());

    ControlConfig c = ControlConfig.read(r, DATA);
    r.validate();

    assertThat(c.pinned()).isEmpty();
  }
}
