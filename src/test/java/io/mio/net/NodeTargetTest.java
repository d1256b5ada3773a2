package io.mio.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeTargetTest {

  @ParameterizedTest(name = "{0} -> host {1}, port {2}, shown as {3}")
  @CsvSource(delimiter = '|', value = {
      "http://192.168.1.20:8000           | 192.168.1.20     | 8000 | http://192.168.1.20:8000",
      "http://192.168.1.20:8000/          | 192.168.1.20     | 8000 | http://192.168.1.20:8000",
      "HTTPS://Cam-1.Lan/                 | cam-1.lan        | 443  | https://cam-1.lan",
      "http://cam.lan.:80/cams/1          | cam.lan.         | 80   | http://cam.lan./cams/1",
      "http://[FD00::1]:8000              | fd00::1          | 8000 | http://[fd00::1]:8000",
      "http://[::ffff:127.0.0.1]          | ::ffff:127.0.0.1 | 80   | http://[::ffff:127.0.0.1]",
      "http://[::ffff:7f00:1]:9           | ::ffff:127.0.0.1 | 9    | http://[::ffff:127.0.0.1]:9",
      "http://[0:0:0:0:0:0:0:1]:8000      | ::1              | 8000 | http://[::1]:8000",
      "http://my_cam.local:8000           | my_cam.local     | 8000 | http://my_cam.local:8000",
  })
  void readsBaseUrlsIntoNormalForm(String url, String host, int port, String shown) {
    NodeTarget target = NodeTarget.parse(URI.create(url));

    assertThat(target.host()).isEqualTo(host);
    assertThat(target.port()).isEqualTo(port);
    assertThat(target).hasToString(shown);
  }

  @ParameterizedTest(name = "{0} is refused as ambiguous")
  @ValueSource(strings = {"2130706433", "0x7f.1", "017700000001", "127.1", "0x7f000001",
      "0177.0.0.1", "127.0.0.01", "127.000.000.001", "127.0.0.1.", "1.2.3", "999.1.1.1",
      "1.2.3.4.5", "cam.0x10", "cam.123", "256.0.0.1", "0x7f.0x0.0x0.0x1"})
  void refusesHostsThatLookLikeOddIpv4FormsBeforeAnyLookup(String host) {
    assertThatThrownBy(() -> NodeTarget.parse(URI.create("http://" + host + ":8000/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + host + "\" is ambiguous");
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "ftp://192.168.1.20/               | must start with http:// or https://",
      "file:///etc/passwd                 | must start with http:// or https://",
      "//192.168.1.20/                    | must start with http:// or https://",
      "http:///api                        | has no host",
      "http://192.168.1.20/?a=b           | must not have a query",
      "http://192.168.1.20/#x             | must not have a query (?) or fragment",
      "http://192.168.1.20:0/             | it must be 1-65535",
      "http://192.168.1.20:65536/         | it must be 1-65535",
      "http://192.168.1.20:08000/         | it must be 1-65535",
      "http://[::1%25lo]:8000/            | zone ids",
      "http://[fe80::1%25eth0]/           | zone ids",
      "http://[::ffff:127.0.0.01]/        | ambiguous",
      "http://[127.0.0.1]/                | IPv6 address",
      "http://::1/                        | write an IPv6 host in brackets",
      "http://[::1]x/                     | port",
      "http://cam..lan/                   | is not a valid host name",
      "http://-cam.lan/                   | is not a valid host name",
      "http://cam.lan/a/../b              | without . or .. segments",
      "http://cam.lan/a/%2e%2E/b          | without . or .. segments",
  })
  void refusesUrlsThatAreNotPlainHttpNodeAddresses(String url, String why) {
    assertThatThrownBy(() -> NodeTarget.parse(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }

  @Test
  void refusesUserInfoWithoutRepeatingThePassword() {
    assertThatThrownBy(() -> NodeTarget.parse(URI.create("http://admin:s3cret@cam.lan/")))
        .hasMessageContaining("user info")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void resolvesNodePathsUnderTheBasePath() {
    NodeTarget target = NodeTarget.parse(URI.create("http://cam.lan:8000/cams/1/"));

    assertThat(target.resolve("/api/status"))
        .isEqualTo(URI.create("http://cam.lan:8000/cams/1/api/status"));
    assertThat(target.resolve("/snapshot.jpg?max_age_ms=500"))
        .isEqualTo(URI.create("http://cam.lan:8000/cams/1/snapshot.jpg?max_age_ms=500"));
    assertThatThrownBy(() -> target.resolve("api/status"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> target.resolve("/../admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> target.resolve("/a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
