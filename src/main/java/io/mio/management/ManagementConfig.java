package io.mio.management;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import io.mio.config.ServerConfig;
import io.mio.net.NodeClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a management hub is configured with. The auth token is optional here: when unset,
 * {@link ManagementToken} generates and stores one at start.
 *
 * @param registryPath the node registry file ({@code <data dir>/nodes.json} by default)
 * @param nodeClient the address policy ({@code MIO_NODE_ALLOWED_NETWORKS}) and the limits of
 *     one call to a node ({@code MIO_NODE_TIMEOUT_SECONDS})
 * @param overviewDeadline how long the fleet overview waits for all probes together
 */
public record ManagementConfig(
    ServerConfig server,
    Path registryPath,
    Optional<String> authToken,
    NodeClientSettings nodeClient,
    Duration overviewDeadline,
    Optional<String> discoverySharedSecret) {

  public static ManagementConfig read(ConfigReader r) {
    ServerConfig server = ServerConfig.read(r, 8001);
    Path registry = r.parsed(ConfigKeys.NODE_REGISTRY_PATH,
        server.dataDir().resolve("nodes.json"), Path::of);
    Optional<String> token = r.raw(ConfigKeys.MANAGEMENT_AUTH_TOKEN);
    NodeClientSettings nodeClient = NodeClientSettings.read(r);
    Duration deadline = r.seconds(ConfigKeys.OVERVIEW_DEADLINE_SECONDS, Duration.ofSeconds(3),
        Duration.ofMillis(500), Duration.ofSeconds(60));
    Optional<String> secret = r.raw(ConfigKeys.NODE_DISCOVERY_SHARED_SECRET);
    return new ManagementConfig(server, registry, token, nodeClient, deadline, secret);
  }
}
