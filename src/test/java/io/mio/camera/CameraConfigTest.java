package io.mio.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mio.config.ConfigException;
import io.mio.config.ConfigReader;
import io.mio.config.Resolution;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameraConfigTest {

  @Test
  void defaultsToThePiCameraAt720p30() {
    CameraConfig config = read(Map.of());

    assertThat(config.source()).isEqualTo(CameraConfig.Source.CSI);
    assertThat(config.settings())
        .isEqualTo(new CameraSettings(new Resolution(1280, 720), 30, 80));
    assertThat(config.device()).isEqualTo("/dev/video0");
    assertThat(config.maxFrameBytes()).isEqualTo(8 * 1024 * 1024);
    assertThat(config.maxFrameAge()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readsEverySetting() {
    CameraConfig config = read(Map.of("MIO_CAMERA", "USB", "MIO_CAMERA_DEVICE", "/dev/video4",
        "MIO_RESOLUTION", "640x480", "MIO_FPS", "15", "MIO_JPEG_QUALITY", "60",
        "MIO_MAX_FRAME_BYTES", "1048576", "MIO_MAX_FRAME_AGE_SECONDS", "2.5"));

    assertThat(config.source()).isEqualTo(CameraConfig.Source.USB);
    assertThat(config.device()).isEqualTo("/dev/video4");
    assertThat(config.settings()).isEqualTo(new CameraSettings(new Resolution(640, 480), 15, 60));
    assertThat(config.maxFrameBytes()).isEqualTo(1 << 20);
    assertThat(config.maxFrameAge()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void commandCameraNeedsACommand() {
    assertThatThrownBy(() -> read(Map.of("MIO_CAMERA", "command")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MIO_CAMERA_COMMAND (--camera-command) is required when"
            + " MIO_CAMERA=command");
  }

  @Test
  void listsEveryBadCameraValueInOneMessage() {
    assertThatThrownBy(() -> read(Map.of("MIO_CAMERA", "webcam", "MIO_RESOLUTION", "640x",
        "MIO_FPS", "0", "MIO_JPEG_QUALITY", "101", "MIO_MAX_FRAME_BYTES", "10",
        "MIO_MAX_FRAME_AGE_SECONDS", "abc")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(6))
        .hasMessageContaining("MIO_CAMERA (--camera) must be one of csi, usb, command, mock,"
            + " got 'webcam'")
        .hasMessageContaining("MIO_RESOLUTION (--resolution) must be WIDTHxHEIGHT")
        .hasMessageContaining("MIO_FPS (--fps) must be 1-120, got '0'")
        .hasMessageContaining("MIO_JPEG_QUALITY (--jpeg-quality) must be 1-100, got '101'")
        .hasMessageContaining("MIO_MAX_FRAME_BYTES (--max-frame-bytes) must be 65536-")
        .hasMessageContaining("MIO_MAX_FRAME_AGE_SECONDS (--max-frame-age-seconds)");
  }

  @ParameterizedTest
  @CsvSource({"csi,command rpicam-vid 1280x720@30", "usb,command ffmpeg /dev/video0 1280x720@30",
      "mock,mock 1280x720@30"})
  void camerasBuildTheSourceTheConfigNames(String camera, String description) {
    FrameSource source = Cameras.create(read(Map.of("MIO_CAMERA", camera)));

    assertThat(source.describe()).isEqualTo(description);
    source.close();
  }

  @Test
  void camerasRunTheOperatorsCommandThroughTheShell() {
    FrameSource source = Cameras.create(read(Map.of("MIO_CAMERA", "command",
        "MIO_CAMERA_COMMAND", "/usr/local/bin/grab --fps {fps}")));

    assertThat(source).isInstanceOf(CommandSource.class);
    assertThat(source.describe()).isEqualTo("command grab 1280x720@30");
    source.close();
  }

  private static CameraConfig read(Map<String, String> env) {
    ConfigReader r = ConfigReader.of(env, Map.of());
    CameraConfig config = CameraConfig.read(r);
    r.validate();
    return config;
  }
}
