package io.mio.camera;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import io.mio.config.Resolution;
import java.time.Duration;

/**
 * Which camera a webcam node reads and what it asks of it.
 *
 * @param kind the source type
 * @param command the command line for {@link Kind#COMMAND} (empty otherwise)
 * @param device the V4L2 device for {@link Kind#USB}
 * @param settings size, rate and quality requested from the source
 * @param maxFrameBytes larger frames from a command are dropped and counted
 * @param maxFrameAge a command that produces no frame for this long is restarted
 */
public record CameraConfig(
    Kind kind,
    String command,
    String device,
    CameraSettings settings,
    int maxFrameBytes,
    Duration maxFrameAge) {

  /** The camera source types, as written in MIO_CAMERA. */
  public enum Kind { CSI, USB, COMMAND, MOCK }

  public static CameraConfig read(ConfigReader r) {
    Kind kind = r.choice(ConfigKeys.CAMERA, Kind.CSI, Kind.class);
    String command = r.string(ConfigKeys.CAMERA_COMMAND, "");
    String device = r.parsed(ConfigKeys.CAMERA_DEVICE, "/dev/video0", CameraConfig::checkDevice);
    Resolution resolution = r.parsed(ConfigKeys.RESOLUTION, new Resolution(1280, 720),
        Resolution::parse);
    int fps = r.integer(ConfigKeys.FPS, 30, 1, 120);
    int quality = r.integer(ConfigKeys.JPEG_QUALITY, 80, 1, 100);
    int maxBytes = r.integer(ConfigKeys.MAX_FRAME_BYTES, 8 * 1024 * 1024, 64 * 1024,
        64 * 1024 * 1024);
    Duration maxAge = r.seconds(ConfigKeys.MAX_FRAME_AGE_SECONDS, Duration.ofSeconds(10),
        Duration.ofSeconds(1), Duration.ofMinutes(10));
    if (kind == Kind.COMMAND && command.isEmpty()) {
      r.problem(ConfigKeys.CAMERA_COMMAND, "must be set when MIO_CAMERA=command, e.g. "
          + "'ffmpeg -f v4l2 -i /dev/video0 -f mjpeg -'");
    }
    return new CameraConfig(kind, command, device,
        new CameraSettings(resolution, fps, quality), maxBytes, maxAge);
  }

  private static String checkDevice(String device) {
    if (!device.startsWith("/dev/") || device.contains("..")) {
      throw new IllegalArgumentException("must be a device path under /dev/, like /dev/video0");
    }
    return device;
  }
}
