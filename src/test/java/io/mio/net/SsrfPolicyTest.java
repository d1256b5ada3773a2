package io.mio.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mio.config.ConfigException;
import io.mio.config.ConfigReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfPolicyTest {

  private static final SsrfPolicy DEFAULTS = SsrfPolicy.defaults();

  @ParameterizedTest(name = "{0} is allowed by default")
  @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.20",
      "100.64.0.1", "100.127.255.254", "fd12:3456::1", "fc00::1", "::ffff:192.168.1.20"})
  void allowsPrivateLanAddressesByDefault(String address) {
    assertThat(DEFAULTS.vet(IpLiteral.parse(address))).isEmpty();
  }

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1              | loopback    | 127.0.0.0/8",
      "127.255.255.254        | loopback    | 127.0.0.0/8",
      "::1                    | loopback    | ::1/128",
      "0.0.0.0                | unspecified | 0.0.0.0/32",
      "0.1.2.3                | unspecified | 0.1.2.3/32",
      "::                     | unspecified | ::/128",
      "169.254.169.254        | link_local  | 169.254.169.254/32",
      "fe80::1                | link_local  | fe80::1/128",
      "224.0.0.251            | multicast   | 224.0.0.251/32",
      "239.255.255.250        | multicast   | 239.255.255.250/32",
      "ff02::1                | multicast   | ff02::1/128",
      "255.255.255.255        | broadcast   | 255.255.255.255/32",
      "::ffff:127.0.0.1       | loopback    | 127.0.0.0/8",
      "::ffff:7f00:1          | loopback    | 127.0.0.0/8",
      "0:0:0:0:0:ffff:7f00:1  | loopback    | 127.0.0.0/8",
      "::127.0.0.1            | loopback    | 127.0.0.0/8",
      "::ffff:169.254.169.254 | link_local  | 169.254.169.254/32",
      "::ffff:0.0.0.0         | unspecified | 0.0.0.0/32",
      "64:ff9b::7f00:1        | loopback    | 127.0.0.0/8",
      "64:ff9b::a9fe:a9fe     | link_local  | 169.254.169.254/32",
      "2002:7f00:1::          | loopback    | 127.0.0.0/8",
      "8.8.8.8                | not_allowed | 8.8.8.8/32",
      "172.32.0.1             | not_allowed | 172.32.0.1/32",
      "192.0.2.1              | not_allowed | 192.0.2.1/32",
      "2001:db8::1            | not_allowed | 2001:db8::1/128",
  })
  void refusesSpecialAndPublicAddressesByDefault(String address, String reason, String allow) {
    Refusal refusal = DEFAULTS.vet(IpLiteral.parse(address)).orElseThrow();

    assertThat(refusal.reason()).isEqualTo(reason);
    assertThat(refusal.allowWith()).isEqualTo(allow);
    assertThat(refusal.message()).contains("add " + allow + " to MIO_NODE_ALLOWED_NETWORKS");
  }

  @Test
  void refusalNamesTheAddressAndTheSettingThatWouldAllowIt() {
    assertThat(DEFAULTS.refusal(IpLiteral.parse("127.0.0.1"))).contains(
        "127.0.0.1 is loopback; add 127.0.0.0/8 to MIO_NODE_ALLOWED_NETWORKS to allow it");
    assertThat(DEFAULTS.refusal(IpLiteral.parse("::ffff:7f00:1"))).contains(
        "::ffff:127.0.0.1 (IPv4 127.0.0.1) is loopback; add 127.0.0.0/8 to"
            + " MIO_NODE_ALLOWED_NETWORKS to allow it");
    assertThat(DEFAULTS.refusal(IpLiteral.parse("169.254.169.254")).orElseThrow())
        .contains("cloud metadata");
  }

  @ParameterizedTest(name = "with {0}: {1} allowed={2}")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.0/8                | 127.0.0.1        | true",
      "127.0.0.0/8                | ::ffff:127.0.0.1 | true",
      "127.0.0.0/8                | ::1              | false",
      "127.0.0.0/8                | 192.168.1.1      | false",
      "127.0.0.1/32               | 127.0.0.1        | true",
      "127.0.0.1/32               | 127.0.0.2        | false",
      "::1                        | ::1              | true",
      "169.254.169.254/32         | 169.254.169.254  | true",
      "169.254.169.254/32         | 169.254.1.1      | false",
      "0.0.0.0/0                  | 8.8.8.8          | true",
      "0.0.0.0/0                  | 169.254.169.254  | false",
      "0.0.0.0/0                  | 127.0.0.1        | false",
      "0.0.0.0/0                  | 0.0.0.0          | false",
      "0.0.0.0/0                  | 255.255.255.255  | false",
      "0.0.0.0/0                  | 224.0.0.1        | false",
      "0.0.0.0/0                  | ::ffff:127.0.0.1 | false",
      "::/0                       | ::1              | false",
      "::/0                       | fe80::1          | false",
      "::/0                       | 2001:db8::1      | true",
      "128.0.0.0/1,0.0.0.0/1      | 127.0.0.1        | false",
      "192.168.7.0/24             | 192.168.8.1      | false",
      "192.168.7.0/24, 10.0.0.0/8 | 10.9.9.9         | true",
  })
  void configuredNetworksUnlockABlockedRangeOnlyWhenTheyLieInsideIt(String networks,
      String address, boolean allowed) {
    SsrfPolicy policy = SsrfPolicy.parse(networks);

    assertThat(policy.vet(IpLiteral.parse(address)).isEmpty()).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "''                     | must list at least one network",
      "10.0.0.0/33            | \"10.0.0.0/33\" has prefix length",
      "10.0.0.0/8,            | entry 2 of 2 is empty",
      "10.0.0.0/8,,fc00::/7   | entry 2 of 3 is empty",
      "192.168.1.1/16         | did you mean 192.168.0.0/16?",
      "localhost              | \"localhost\" is not a CIDR",
      "10.0.0.0/8, junk       | \" junk\" is not a CIDR",
      "10/8                   | ambiguous",
  })
  void refusesABadNetworkListNamingTheSettingAndTheEntry(String networks, String why) {
    assertThatThrownBy(() -> SsrfPolicy.parse(networks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("MIO_NODE_ALLOWED_NETWORKS: ")
        .hasMessageContaining(why);
  }

  @Test
  void readsTheSettingFromConfigurationAndReportsABadOneAsAConfigProblem() {
    ConfigReader unset = ConfigReader.of(Map.of(), Map.of());
    ConfigReader bad = ConfigReader.of(Map.of("MIO_NODE_ALLOWED_NETWORKS", "10.0.0.0/8,nope"),
        Map.of());

    assertThat(SsrfPolicy.read(unset).allowed()).hasToString(
        "[10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, 100.64.0.0/10]");
    SsrfPolicy.read(bad);
    assertThatThrownBy(bad::validate).isInstanceOf(ConfigException.class)
        .hasMessageContaining("MIO_NODE_ALLOWED_NETWORKS")
        .hasMessageContaining("\"nope\" is not a CIDR");
  }

  @Test
  void describesTheEffectivePolicyForTheStartupLog() {
    assertThat(SsrfPolicy.parse("192.168.0.0/16,127.0.0.0/8").describe())
        .contains("allowed to 192.168.0.0/16, 127.0.0.0/8")
        .contains("refused unless a listed network names them: loopback, link-local")
        .contains("unlocked by the list: 127.0.0.0/8 (loopback)");
  }
}
