package io.mio.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a program that writes MJPEG to its standard output, for given settings. The
 * command is rebuilt from the current settings at every (re)start, so a change of resolution
 * reaches the camera.
 */
public sealed interface CameraCommand {

  /** The program and its arguments, run directly (no shell unless the variant says so). */
  List<String> argv(CameraSettings settings);

  /** A short name for logs and status: the program's name. */
  String label();

  /** The Raspberry Pi CSI camera through {@code rpicam-vid}. */
  record Csi() implements CameraCommand {

    @Override
    public List<String> argv(CameraSettings s) {
      return List.of("rpicam-vid", "-t", "0", "-n", "--codec", "mjpeg",
          "--width", Integer.toString(s.resolution().width()),
          "--height", Integer.toString(s.resolution().height()),
          "--framerate", Integer.toString(s.fps()),
          "--quality", Integer.toString(s.jpegQuality()), "-o", "-");
    }

    @Override
    public String label() {
      return "rpicam-vid";
    }
  }

  /**
   * A USB (V4L2) camera that delivers MJPEG itself, copied through {@code ffmpeg} without
   * re-encoding (so JPEG quality is the camera's own).
   */
  record Usb(String device) implements CameraCommand {

    public Usb {
      Objects.requireNonNull(device, "device");
    }

    @Override
    public List<String> argv(CameraSettings s) {
      return List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "v4l2",
          "-input_format", "mjpeg", "-video_size", s.resolution().toString(),
          "-framerate", Integer.toString(s.fps()), "-i", device,
          "-c", "copy", "-f", "mjpeg", "-");
    }

    @Override
    public String label() {
      return "ffmpeg " + device;
    }
  }

  /**
   * A command line given by the operator, run by {@code /bin/sh -c "exec ..."} (so the shell
   * becomes the program and signals reach it) after replacing {@code {width}}, {@code {height}},
   * {@code {fps}} and {@code {quality}} with the current settings. A line with several commands
   * ({@code ;}, {@code &}, {@code |}) keeps its shell, which would otherwise run only the first;
   * stopping takes down the shell's whole tree either way.
   */
  record Shell(String template) implements CameraCommand {

    public Shell {
      if (template == null || template.isBlank()) {
        throw new IllegalArgumentException("camera command must not be empty");
      }
    }

    @Override
    public List<String> argv(CameraSettings s) {
      String line = template.replace("{width}", Integer.toString(s.resolution().width()))
          .replace("{height}", Integer.toString(s.resolution().height()))
          .replace("{fps}", Integer.toString(s.fps()))
          .replace("{quality}", Integer.toString(s.jpegQuality()));
      boolean several = line.chars().anyMatch(c -> c == ';' || c == '&' || c == '|' || c == '\n');
      return List.of("/bin/sh", "-c", several ? line : "exec " + line);
    }

    @Override
    public String label() {
      String first = template.strip().split("\\s+", 2)[0];
      return first.substring(first.lastIndexOf('/') + 1);
    }
  }

  /** A fixed argument list, run as given (settings are not applied). */
  record Args(List<String> args) implements CameraCommand {

    public Args {
      if (args.isEmpty()) {
        throw new IllegalArgumentException("camera command must name a program");
      }
      args = List.copyOf(new ArrayList<>(args));
    }

    @Override
    public List<String> argv(CameraSettings s) {
      return args;
    }

    @Override
    public String label() {
      String program = args.getFirst();
      return program.substring(program.lastIndexOf('/') + 1);
    }
  }
}
