package io.mio.camera;

/** Builds the frame source a {@link CameraConfig} asks for. */
public final class Cameras {

  private Cameras() {}

  /** A new, not yet started source. */
  public static FrameSource create(CameraConfig config) {
    CommandSource.Supervision supervision =
        CommandSource.Supervision.of(config.maxFrameAge(), config.maxFrameBytes());
    return switch (config.source()) {
      case MOCK -> new MockSource(config.settings());
      case CSI -> new CommandSource(new CameraCommand.Csi(), config.settings(), supervision);
      case USB -> new CommandSource(
          new CameraCommand.Usb(config.device()), config.settings(), supervision);
      case COMMAND -> new CommandSource(
          new CameraCommand.Shell(config.command()), config.settings(), supervision);
    };
  }
}
