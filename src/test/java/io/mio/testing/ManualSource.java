package io.mio.testing;

import io.mio.camera.CameraStats;
import io.mio.camera.Frame;
import io.mio.camera.FrameListener;
import io.mio.camera.FrameSource;

/** A frame source the test drives by hand, for in-process tests of the routes. */
public final class ManualSource implements FrameSource {

  private final CameraStats stats = new CameraStats();
  private volatile FrameListener listener;
  private long nextId = 1;

  @Override
  public void start(FrameListener l) {
    listener = l;
    stats.state(CameraStats.State.RUNNING);
  }

  /** Publishes a frame captured now. */
  public synchronized Frame emit(byte[] jpeg) {
    return emit(new Frame(nextId++, jpeg, System.currentTimeMillis(), System.nanoTime()));
  }

  public synchronized Frame emit(Frame frame) {
    stats.framesCaptured.incrementAndGet();
    listener.onFrame(frame);
    return frame;
  }

  public void state(CameraStats.State state) {
    stats.state(state);
  }

  @Override
  public void reconfigure(io.mio.camera.CameraSettings settings) {
    stats.restarts.incrementAndGet();
  }

  @Override
  public void restart() {
    stats.restarts.incrementAndGet();
  }

  @Override
  public String describe() {
    return "manual test source";
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
