package io.mio.camera;

/**
 * Produces frames until closed. {@link #start} returns at once; frames arrive on the source's
 * own thread. A source supervises itself (restarts a failed camera command) and never throws
 * into its listener. {@link #close} stops every thread and child process it started.
 */
public interface FrameSource extends AutoCloseable {

  void start(FrameListener listener);

  /**
   * Applies new settings by restarting the source; the listener stays, so connected clients
   * simply continue with the new frames.
   */
  void reconfigure(CameraSettings settings);

  /** Restarts the source with its current settings (the restart-camera action). */
  void restart();

  /** One line for logs and status, e.g. {@code mock 1280x720@30} or {@code command rpicam-vid}. */
  String describe();

  /** Counters and state for metrics, status and readiness. */
  CameraStats stats();

  @Override
  void close();
}
