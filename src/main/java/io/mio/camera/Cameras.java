package io.mio.camera;

/** Creates the frame source a {@link CameraConfig} asks for. */
public final class Cameras {

  private Cameras() {}

  public static FrameSource create(CameraConfig config) {
    return switch (config.kind()) {
      case MOCK -> new MockSource(config.settings());
      case CSI, USB, COMMAND -> throw new UnsupportedOperationException(
          "camera source " + config.kind() + " is not available in this build yet");
    };
  }
}
