package io.mio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the {@link Lan} fixture: hosts reach each other, not the machine, and vanish after. */
@NeedsLan
class LanTest {

  @TempDir
  Path site;

  @Test
  void hostsReachEachOtherOverHttpButNotTheMachinesLoopback() throws IOException {
    Files.writeString(site.resolve("index.html"), "hello from the lan");
    try (Lan lan = Lan.create("hubnet", 2);
        CountingListener machine = CountingListener.onLoopback()) {
      LanHost client = lan.host(0);
      LanHost server = lan.host(1);
      server.serveDirectory(server.address(), 8080, site);
      String url = "http://" + server.address() + ":8080/index.html";

      client.awaitStatus(url, 200, Duration.ofSeconds(30));
      LanHost.Fetched viaLoopback = client.fetch("http://127.0.0.1:" + machine.port() + "/");

      assertThat(client.fetch(url).body()).isEqualTo("hello from the lan");
      assertThat(viaLoopback.connected()).as("reached the machine's loopback").isFalse();
      assertThat(machine.accepted()).isZero();
    }
  }

  @Test
  void hostsGetConsecutiveAddressesOnOneSubnet() {
    try (Lan lan = Lan.create("hubnet", 3)) {
      assertThat(lan.hosts()).extracting(LanHost::address)
          .allMatch(a -> a.matches("192\\.168\\.\\d+\\.10[012]"));
      assertThat(lan.host(2).address()).startsWith(lan.host(0).address().replaceAll("100$", ""));
      assertThat(lan.hosts()).extracting(LanHost::namespace)
          .allMatch(n -> n.length() <= 15 && n.startsWith("hubnet-"));
    }
  }

  @Test
  void closeKillsProcessesAndDeletesNamespaces() {
    Lan lan = Lan.create("hubnet", 1);
    Process sleeper = lan.host(0).start("sleep", "600");
    String namespace = lan.host(0).namespace();

    lan.close();

    assertThat(sleeper.isAlive()).isFalse();
    assertThat(Commands.run(Duration.ofSeconds(10), "ip", "netns", "list").output())
        .doesNotContain(namespace.replaceAll("-0$", ""));
  }
}
