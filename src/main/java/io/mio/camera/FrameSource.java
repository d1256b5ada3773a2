package io.mio.camera;

import java.time.Duration;

/**
 * Produces frames until closed. {@link #start} returns at once; frames arrive on the source's
 * own thread. A source supervises itself (restarts a failed camera command) and never throws
 * into its listener. {@link #close} stops every thread and child process it started.
 */
public interface FrameSource extends AutoCloseable {

  void start(FrameListener listener);

  /** One line for logs and status, e.g. {@code mock 1280x720@30} or {@code command rpicam-vid}. */
  String describe();

  /** Counters and state for metrics, status and readiness. */
  CameraStats stats();

  /**
   * Applies new resolution, fps and quality by restarting the camera with them; the listener
   * stays. Returns at once; frames with the new settings follow shortly.
   */
  void reconfigure(CameraSettings settings);

  /** Restarts the camera (the restart-camera action); returns at once. */
  void restart();

  /**
   * The longest a running camera may go without a frame before it counts as hung and is
   * restarted; it changes with the max_frame_age setting. Sources that cannot hang ignore it.
   */
  default void frameAgeLimit(Duration limit) {}

  @Override
  void close();
}
