package io.mio.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mio.config.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraCommandTest {

  private static final CameraSettings HD = new CameraSettings(new Resolution(1280, 720), 30, 85);

  @Test
  void csiRunsRpicamVidWithTheSettings() {
    assertThat(new CameraCommand.Csi().argv(HD)).containsExactly("rpicam-vid", "-t", "0", "-n",
        "--codec", "mjpeg", "--width", "1280", "--height", "720", "--framerate", "30",
        "--quality", "85", "-o", "-");
  }

  @Test
  void usbCopiesTheCamerasMjpegThroughFfmpeg() {
    assertThat(new CameraCommand.Usb("/dev/video2").argv(HD)).containsExactly("ffmpeg",
        "-hide_banner", "-loglevel", "error", "-f", "v4l2", "-input_format", "mjpeg",
        "-video_size", "1280x720", "-framerate", "30", "-i", "/dev/video2", "-c", "copy",
        "-f", "mjpeg", "-");
  }

  @Test
  void shellFillsInPlaceholdersAndExecsTheProgram() {
    CameraCommand command = new CameraCommand.Shell(
        "/opt/cam/grab --size {width}x{height} --fps {fps} -q {quality}");

    assertThat(command.argv(HD)).containsExactly("/bin/sh", "-c",
        "exec /opt/cam/grab --size 1280x720 --fps 30 -q 85");
    assertThat(command.label()).isEqualTo("grab");
  }

  @Test
  void shellKeepsItsShellForSeveralCommands() {
    assertThat(new CameraCommand.Shell("setup-cam; grab | tee /tmp/x").argv(HD))
        .containsExactly("/bin/sh", "-c", "setup-cam; grab | tee /tmp/x");
  }

  @Test
  void refusesEmptyCommands() {
    assertThatThrownBy(() -> new CameraCommand.Shell("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> new CameraCommand.Args(List.of())).hasMessageContaining("program");
  }
}
