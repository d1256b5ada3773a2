package io.mio.webcam;

import io.mio.config.ConfigReader;
import io.mio.config.ServerConfig;

/** Everything a webcam node is configured with. (Skeleton: grows with the camera work.) */
public record WebcamConfig(ServerConfig server) {

  public static WebcamConfig read(ConfigReader r) {
    return new WebcamConfig(ServerConfig.read(r, 8000));
  }
}
