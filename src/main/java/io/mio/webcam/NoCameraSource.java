package io.mio.webcam;

import io.mio.camera.CameraStats;
import io.mio.camera.FrameListener;
import io.mio.camera.FrameSource;

/** Stand-in until camera sources are wired: never delivers a frame, so the node is not ready. */
final class NoCameraSource implements FrameSource {

  private final CameraStats stats = new CameraStats();

  @Override
  public void start(FrameListener listener) {
    stats.state(CameraStats.State.STARTING);
  }

  @Override
  public String describe() {
    return "none";
  }

  @Override
  public CameraStats stats() {
    return stats;
  }

  @Override
  public void close() {
    stats.state(CameraStats.State.STOPPED);
  }
}
