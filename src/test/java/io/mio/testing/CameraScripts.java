package io.mio.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Camera commands for integration tests: real MJPEG from ffmpeg, optionally switchable. */
public final class CameraScripts {

  /** 640x360 at 15 fps, real time, as the node would get from a USB camera. */
  public static final String FFMPEG_TESTSRC = "ffmpeg -hide_banner -loglevel error -re -f lavfi"
      + " -i testsrc2=size=640x360:rate=15 -f mjpeg -q:v 5 -";

  private CameraScripts() {}

  /** A webcam node whose camera is the ffmpeg test source. */
  public static MioProcess.Builder ffmpegNode() {
    return MioProcess.webcam().env("MIO_CAMERA", "command")
        .env("MIO_CAMERA_COMMAND", FFMPEG_TESTSRC);
  }

  /**
   * A script that runs the ffmpeg test source while {@code flag} exists and otherwise exits
   * after a second (so the supervisor keeps restarting it and the camera stays down). ffmpeg is
   * exec'd so that killing it ends the camera command.
   */
  public static Path switchable(Path dir, Path flag) throws IOException {
    return script(dir, "switchable-camera.sh", """
        #!/bin/sh
        if [ -f '%s' ]; then
          exec %s
        fi
        echo 'test camera switched off' >&2
        sleep 1
        exit 3
        """.formatted(flag, FFMPEG_TESTSRC));
  }

  public static Path script(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** The ffmpeg processes among a process's descendants. */
  public static java.util.List<ProcessHandle> ffmpegChildren(Process parent) {
    return parent.descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
        .toList();
  }
}
