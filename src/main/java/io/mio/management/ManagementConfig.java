package io.mio.management;

import io.mio.config.ConfigReader;
import io.mio.config.ServerConfig;

/** Everything a management hub is configured with. (Skeleton: grows with the hub work.) */
public record ManagementConfig(ServerConfig server) {

  public static ManagementConfig read(ConfigReader r) {
    return new ManagementConfig(ServerConfig.read(r, 8001));
  }
}
