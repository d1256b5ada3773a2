package io.mio.camera;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import io.mio.config.Resolution;
import java.time.Duration;

/**
 * Which camera a webcam node uses and how: the source, its command or device, the picture it is
 * asked for and the limits its frames must keep.
 *
 * @param source where frames come from
 * @param command the operator's command line (for {@link Source#COMMAND}), else empty
 * @param device the V4L2 device (for {@link Source#USB})
 * @param settings resolution, fps and JPEG quality asked of the camera
 * @param maxFrameBytes larger frames from a command are dropped
 * @param maxFrameAge a camera silent for this long is restarted (and the node is not ready)
 */
public record CameraConfig(Source source, String command, String device, CameraSettings settings,
    int maxFrameBytes, Duration maxFrameAge) {

  /** The kinds of camera ({@code MIO_CAMERA}). */
  public enum Source { CSI, USB, COMMAND, MOCK }

  public static final int MIN_FRAME_BYTES = 64 * 1024;
  public static final int MAX_FRAME_BYTES = 128 * 1024 * 1024;

  /** Reads the camera settings; problems are recorded in {@code r} (call its validate()). */
  public static CameraConfig read(ConfigReader r) {
    Source source = r.choice(ConfigKeys.CAMERA, Source.CSI, Source.class);
    String command = r.string(ConfigKeys.CAMERA_COMMAND, "");
    if (source == Source.COMMAND && command.isEmpty()) {
      r.problem(ConfigKeys.CAMERA_COMMAND, "is required when MIO_CAMERA=command: give a command"
          + " that writes MJPEG to stdout, e.g. 'ffmpeg -f v4l2 -i /dev/video0 -f mjpeg -'");
    }
    String device = r.string(ConfigKeys.CAMERA_DEVICE, "/dev/video0");
    Resolution resolution =
        r.parsed(ConfigKeys.RESOLUTION, new Resolution(1280, 720), Resolution::parse);
    int fps = r.integer(ConfigKeys.FPS, 30, 1, 120);
    int quality = r.integer(ConfigKeys.JPEG_QUALITY, 80, 1, 100);
    int maxBytes = r.integer(ConfigKeys.MAX_FRAME_BYTES, 8 * 1024 * 1024, MIN_FRAME_BYTES,
        MAX_FRAME_BYTES);
    Duration maxAge = r.seconds(ConfigKeys.MAX_FRAME_AGE_SECONDS, Duration.ofSeconds(10),
        Duration.ofMillis(500), Duration.ofSeconds(600));
    return new CameraConfig(source, command, device, new CameraSettings(resolution, fps, quality),
        maxBytes, maxAge);
  }
}
