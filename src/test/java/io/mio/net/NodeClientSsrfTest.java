package io.mio.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mio.net.NodeCallException.Code;
import io.mio.testing.CountingListener;
import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF matrix: with the default policy, no way of writing or resolving to a refused address
 * reaches a listener on loopback. Every case must fail with SSRF_BLOCKED and zero connections.
 */
class NodeClientSsrfTest {

  private static final FixedResolver DNS = new FixedResolver()
      .map("loopback.test", "127.0.0.1")
      .map("mapped.test", "::ffff:127.0.0.1")
      .map("mixed.test", "127.0.0.1", "192.168.77.20")
      .map("metadata.test", "169.254.169.254");

  private static CountingListener v4;
  private static CountingListener v6;
  private static NodeClient client;

  @BeforeAll
  static void listen() throws IOException {
    v4 = CountingListener.on(InetAddress.getByName("127.0.0.1"));
    v6 = CountingListener.on(InetAddress.getByName("::1"));
    client = new NodeClient(NodeClientSettings.of(SsrfPolicy.defaults()), DNS);
  }

  @AfterEach
  void nothingConnected() {
    assertThat(v4.accepted()).as("connections to 127.0.0.1").isZero();
    assertThat(v6.accepted()).as("connections to ::1").isZero();
  }

  @AfterAll
  static void close() throws IOException {
    client.close();
    v4.close();
    v6.close();
  }

  @ParameterizedTest(name = "http://{0}:port is refused")
  @ValueSource(strings = {"127.0.0.1", "localhost", "0.0.0.0", "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]", "[::127.0.0.1]", "2130706433", "0x7f.1", "017700000001", "127.1",
      "0x7f000001", "127.0.0.1.", "loopback.test", "mapped.test", "mixed.test"})
  void refusesLoopbackInEveryForm(String host) {
    NodeCallException e = refused("http://" + host + ":" + v4.port());

    assertThat(e.details()).containsEntry("setting", "MIO_NODE_ALLOWED_NETWORKS");
  }

  @Test
  void refusesIpv6Loopback() {
    NodeCallException e = refused("http://[::1]:" + v6.port());

    assertThat(e.getMessage()).isEqualTo(
        "::1 is loopback; add ::1/128 to MIO_NODE_ALLOWED_NETWORKS to allow it");
  }

  @Test
  void refusesLiteralLoopbackWithTheRemedy() {
    assertThat(refused("http://127.0.0.1:" + v4.port()).getMessage()).isEqualTo(
        "127.0.0.1 is loopback; add 127.0.0.0/8 to MIO_NODE_ALLOWED_NETWORKS to allow it");
  }

  @Test
  void refusesAmbiguousHostsQuotingThem() {
    assertThat(refused("http://2130706433:" + v4.port()).getMessage())
        .contains("\"2130706433\" is ambiguous");
  }

  @Test
  void refusesANameWhoseAnswerMixesAllowedAndBlockedAddressesNamingBoth() {
    NodeCallException e = refused("http://mixed.test:" + v4.port());

    assertThat(e.getMessage()).startsWith("mixed.test resolves to 127.0.0.1, 192.168.77.20;")
        .contains("every address of a name must be allowed")
        .contains("127.0.0.1 is loopback; add 127.0.0.0/8");
    assertThat(e.details()).containsEntry("address", "127.0.0.1")
        .containsEntry("address_kind", "loopback");
  }

  // The metadata address is vetted where the connector gets its addresses, without a client, so
  // no test ever sends a packet towards it even if the policy were broken.
  @Test
  void metadataAddressNeverReachesTheConnector() {
    PinnedResolver pinned = new PinnedResolver(SsrfPolicy.defaults(), DNS, Runnable::run);

    assertThatThrownBy(() -> pinned.vetted("169.254.169.254", 80))
        .isInstanceOf(TargetRefusedException.class).hasMessageContaining("cloud metadata");
    assertThatThrownBy(() -> pinned.vetted("metadata.test", 80))
        .isInstanceOf(TargetRefusedException.class).hasMessageContaining("169.254.169.254");
    assertThatThrownBy(() -> pinned.vetted("[::ffff:169.254.169.254]", 80))
        .isInstanceOf(TargetRefusedException.class).hasMessageContaining("link-local");
  }

  @Test
  void refusesNonHttpSchemesAndUserInfo() {
    assertThat(refused("file:///etc/passwd").getMessage()).contains("http:// or https://");
    assertThat(refused("http://u:pw@127.0.0.1:" + v4.port() + "/").getMessage())
        .contains("user info").doesNotContain("pw@");
  }

  private static NodeCallException refused(String baseUrl) {
    NodeCallException e = catchThrowableOfType(NodeCallException.class,
        () -> client.getJson(baseUrl, "/api/status", null));
    assertThat(e).as("call to " + baseUrl).isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(Code.SSRF_BLOCKED);
    return e;
  }
}
