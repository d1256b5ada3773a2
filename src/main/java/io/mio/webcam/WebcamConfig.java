package io.mio.webcam;

import io.mio.camera.CameraConfig;
import io.mio.config.ConfigReader;
import io.mio.config.ServerConfig;

/** Everything a webcam node is configured with, read once at startup. */
public record WebcamConfig(ServerConfig server, CameraConfig camera, StreamConfig stream) {

  public static WebcamConfig read(ConfigReader r) {
    CameraConfig camera = CameraConfig.read(r);
    return new WebcamConfig(ServerConfig.read(r, 8000), camera,
        StreamConfig.read(r, camera.maxFrameAge()));
  }
}
