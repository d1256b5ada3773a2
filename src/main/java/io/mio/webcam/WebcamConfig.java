package io.mio.webcam;

import io.mio.camera.CameraConfig;
import io.mio.config.ConfigReader;
import io.mio.config.ServerConfig;
import io.mio.discovery.DiscoveryConfig;

/** Everything a webcam node is configured with, read once at startup. */
public record WebcamConfig(ServerConfig server, CameraConfig camera, StreamConfig stream,
    ControlConfig control, DiscoveryConfig discovery) {

  public static WebcamConfig read(ConfigReader r) {
    CameraConfig camera = CameraConfig.read(r);
    ServerConfig server = ServerConfig.read(r, 8000);
    return new WebcamConfig(server, camera, StreamConfig.read(r, camera.maxFrameAge()),
        ControlConfig.read(r, server.dataDir()), DiscoveryConfig.read(r));
  }

  /** The runtime settings as flags, environment and defaults give them, before the API's. */
  RuntimeSettings startupSettings() {
    return new RuntimeSettings(camera.settings().resolution(), camera.settings().fps(),
        camera.settings().jpegQuality(), stream.maxConnections(), stream.maxFrameAge(),
        RuntimeSettings.LogLevel.valueOf(server.logLevel().toUpperCase(java.util.Locale.ROOT)));
  }
}
