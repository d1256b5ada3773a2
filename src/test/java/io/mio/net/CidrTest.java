package io.mio.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "10.0.0.0/8          | 10.0.0.0/8",
      "172.16.0.0/12       | 172.16.0.0/12",
      "0.0.0.0/0           | 0.0.0.0/0",
      " 192.168.1.5        | 192.168.1.5/32",
      "127.0.0.0/8         | 127.0.0.0/8",
      "fc00::/7            | fc00::/7",
      "FC00:0:0:0::/7      | fc00::/7",
      "::1                 | ::1/128",
      "::/0                | ::/0",
      "2001:db8:0:0:1::/80 | 2001:db8:0:0:1::/80",
      "fe80::/10           | fe80::/10",
  })
  void readsCanonicalBlocks(String text, String shown) {
    assertThat(Cidr.parse(text)).hasToString(shown);
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "10.0.0.1/8          | has host bits set; did you mean 10.0.0.0/8?",
      "192.168.1.1/16      | did you mean 192.168.0.0/16?",
      "fc00::1/7           | did you mean fc00::/7?",
      "10.0.0.0/33         | it must be a decimal number 0-32",
      "fc00::/129          | it must be a decimal number 0-128",
      "10.0.0.0/-1         | it must be a decimal number 0-32",
      "10.0.0.0/08         | has prefix length \"08\"",
      "10.0.0.0/           | has prefix length \"\"",
      "10.0.0.0/8/8        | has prefix length \"8/8\"",
      "10/8                | ambiguous",
      "010.0.0.0/8         | ambiguous",
      "0x0a.0.0.0/8        | ambiguous",
      "167772160/8         | ambiguous",
      "::ffff:10.0.0.0/104 | write the IPv4 block instead",
      "fe80::%eth0/10      | zone ids",
      "localhost/8         | is not a CIDR",
      "10.0.0.0 /8         | is not a CIDR",
      "''                  | is not a CIDR",
  })
  void refusesAnythingButACanonicalBlockQuotingTheInput(String text, String why) {
    assertThatThrownBy(() -> Cidr.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining(why);
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "10.0.0.0/8     | 10.255.255.255   | true",
      "10.0.0.0/8     | 11.0.0.0         | false",
      "172.16.0.0/12  | 172.31.255.255   | true",
      "172.16.0.0/12  | 172.32.0.0       | false",
      "0.0.0.0/0      | 8.8.8.8          | true",
      "0.0.0.0/0      | ::1              | false",
      "::/0           | 10.0.0.1         | false",
      "fc00::/7       | fdff::1          | true",
      "fc00::/7       | fe00::1          | false",
      "192.168.1.5/32 | 192.168.1.5      | true",
      "192.168.1.5/32 | 192.168.1.6      | false",
  })
  void containsOnlyAddressesOfItsFamilyAndPrefix(String cidr, String address, boolean in) {
    assertThat(Cidr.parse(cidr).contains(IpLiteral.parse(address))).isEqualTo(in);
  }

  @Test
  void aBlockIsWithinEveryLargerBlockThatHoldsIt() {
    Cidr loopback = Cidr.parse("127.0.0.0/8");

    assertThat(Cidr.parse("127.0.0.1/32").isWithin(loopback)).isTrue();
    assertThat(loopback.isWithin(loopback)).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").isWithin(loopback)).isFalse();
    assertThat(Cidr.parse("126.0.0.0/7").isWithin(loopback)).isFalse();
    assertThat(Cidr.parse("::1/128").isWithin(loopback)).isFalse();
  }
}
