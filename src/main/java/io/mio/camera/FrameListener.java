package io.mio.camera;

/** Receives frames from a {@link FrameSource}; called from the source's own thread. */
@FunctionalInterface
public interface FrameListener {

  /** A new frame; must return quickly (publish and go), never block on clients. */
  void onFrame(Frame frame);
}
