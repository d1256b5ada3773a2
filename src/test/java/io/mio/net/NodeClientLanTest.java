package io.mio.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.Commands;
import io.mio.testing.Lan;
import io.mio.testing.LanHost;
import io.mio.testing.MioProcess;
import io.mio.testing.NeedsLan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client on a simulated LAN with the default policy: it reaches a node at 192.168.x.101, and
 * from its own host it reaches neither its loopback nor a metadata listener at 169.254.169.254,
 * both of which answer a plain client (the positive control that makes "no request" mean it).
 */
@NeedsLan
class NodeClientLanTest {

  private static final Duration START = Duration.ofSeconds(30);

  @TempDir
  Path site;

  @Test
  void reachesLanNodesButNeitherLoopbackNorMetadataWithTheDefaultPolicy() throws IOException {
    Files.writeString(site.resolve("status.json"), "{\"status\":\"ok\"}");
    try (Lan lan = Lan.create("hubnet", 2)) {
      LanHost hub = lan.host(0);
      LanHost cam = lan.host(1);
      assertThat(hub.run(START, "ip", "addr", "add", "169.254.169.254/32", "dev", "lo").ok())
          .isTrue();
      cam.serveDirectory(cam.address(), 8000, site);
      hub.serveDirectory("169.254.169.254", 80, site);
      hub.serveDirectory("127.0.0.1", 8081, site);
      String camUrl = "http://" + cam.address() + ":8000";
      hub.awaitStatus(camUrl + "/status.json", 200, START);
      hub.awaitStatus("http://169.254.169.254/status.json", 200, START);
      hub.awaitStatus("http://127.0.0.1:8081/status.json", 200, START);
      long before = requestsServed(hub);

      List<String> outcomes = probe(hub, camUrl, "http://169.254.169.254",
          "http://127.0.0.1:8081", "http://[::ffff:169.254.169.254]", "http://2852039166");

      assertThat(outcomes).containsExactly(
          camUrl + " OK 200 ok",
          "http://169.254.169.254 SSRF_BLOCKED",
          "http://127.0.0.1:8081 SSRF_BLOCKED",
          "http://[::ffff:169.254.169.254] SSRF_BLOCKED",
          "http://2852039166 SSRF_BLOCKED");
      assertThat(requestsServed(hub)).as("requests the hub's own listeners saw").isEqualTo(before);
    }
  }

  // jwebserver logs one line per request it served.
  private static long requestsServed(LanHost host) throws IOException {
    return Files.readAllLines(host.logFile()).stream().filter(l -> l.contains("\"GET ")).count();
  }

  private static List<String> probe(LanHost host, String... urls) {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String[] command = new String[urls.length + 4];
    command[0] = MioProcess.javaBinary();
    command[1] = "-cp";
    command[2] = classpath;
    command[3] = SsrfProbe.class.getName();
    System.arraycopy(urls, 0, command, 4, urls.length);
    Commands.Result result = host.run(Duration.ofSeconds(60), command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output().lines().filter(l -> l.startsWith("http")).toList();
  }
}
