package io.mio.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mio.config.ConfigException;
import io.mio.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeClientSettingsTest {

  @Test
  void defaultsToPrivateNetworksAndAShortTotalTimeout() {
    NodeClientSettings settings = NodeClientSettings.read(ConfigReader.of(Map.of(), Map.of()));

    assertThat(settings.policy().allowed()).hasSize(5);
    assertThat(settings.totalTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.maxResponseBytes()).isEqualTo(256 * 1024);
  }

  @Test
  void readsTheTimeoutAndNetworksAndNeverWaitsLongerToConnectThanInAll() {
    NodeClientSettings settings = NodeClientSettings.read(ConfigReader.of(Map.of(
        "MIO_NODE_TIMEOUT_SECONDS", "0.5", "MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8"), Map.of()));

    assertThat(settings.totalTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.policy().allowed()).hasToString("[127.0.0.0/8]");
  }

  @Test
  void reportsEveryBadSettingAtOnce() {
    ConfigReader config = ConfigReader.of(Map.of("MIO_NODE_TIMEOUT_SECONDS", "0",
        "MIO_NODE_ALLOWED_NETWORKS", "10.0.0.0/33"), Map.of());

    NodeClientSettings.read(config);

    assertThatThrownBy(config::validate).isInstanceOf(ConfigException.class)
        .hasMessageContaining("MIO_NODE_TIMEOUT_SECONDS")
        .hasMessageContaining("MIO_NODE_ALLOWED_NETWORKS");
  }

  @Test
  void refusesNonPositiveLimits() {
    assertThatThrownBy(() -> new NodeClientSettings(SsrfPolicy.defaults(), Duration.ZERO,
        Duration.ofSeconds(1), 1024)).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> NodeClientSettings.of(SsrfPolicy.defaults())
        .withMaxResponseBytes(0)).hasMessageContaining("maxResponseBytes=0");
  }
}
