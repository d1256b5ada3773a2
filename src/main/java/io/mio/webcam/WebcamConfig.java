package io.mio.webcam;

import io.mio.config.ConfigReader;
import io.mio.config.ServerConfig;

/** Everything a webcam node is configured with, read once at startup. */
public record WebcamConfig(ServerConfig server, StreamConfig stream) {

  public static WebcamConfig read(ConfigReader r) {
    return new WebcamConfig(ServerConfig.read(r, 8000), StreamConfig.read(r));
  }
}
