package io.mio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A camera command that tests can break and mend: a shell script running {@code ffmpeg}'s
 * moving test picture as MJPEG on stdout, which exits at once while its flag file exists. Use
 * {@link #command()} as {@code MIO_CAMERA_COMMAND}; {@link #breakDown(MioProcess)} kills the
 * running ffmpeg and keeps the supervisor's restarts failing until {@link #mend()}.
 */
public final class FlakyCamera {

  private final Path dir;
  private final Path script;
  private final Path flag;

  private FlakyCamera(Path dir) {
    this.dir = dir;
    this.script = dir.resolve("camera.sh");
    this.flag = dir.resolve("broken");
  }

  /** A 640x360 picture at {@code fps} frames per second. */
  public static FlakyCamera create(int fps) {
    try {
      FlakyCamera camera = new FlakyCamera(Files.createTempDirectory("mio-camera"));
      Files.writeString(camera.script, """
          #!/bin/sh
          # Test camera: fails while %s exists, else streams ffmpeg's moving test picture.
          if [ -e '%s' ]; then echo 'camera: broken by the test' >&2; exit 1; fi
          exec ffmpeg -hide_banner -loglevel error -re -f lavfi \\
            -i testsrc2=size=640x360:rate=%d -c:v mjpeg -q:v 5 -f mjpeg -
          """.formatted(camera.flag, camera.flag, fps));
      Files.setPosixFilePermissions(camera.script, PosixFilePermissions.fromString("rwx------"));
      return camera;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String command() {
    return script.toString();
  }

  /** Makes restarts fail and kills the running camera process of {@code node}. */
  public void breakDown(MioProcess node) {
    try {
      Files.writeString(flag, "broken");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    node.process().descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }

  /** Lets the supervisor's next restart succeed. */
  public void mend() {
    try {
      Files.deleteIfExists(flag);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return dir;
  }
}
