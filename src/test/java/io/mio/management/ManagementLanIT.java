package io.mio.management;

import static io.mio.testing.HubClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.mio.http.Json;
import io.mio.testing.Lan;
import io.mio.testing.LanHost;
import io.mio.testing.MioProcess;
import io.mio.testing.NeedsLan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hub's reason to exist, on a simulated home LAN: a hub at 192.168.x.100 and two webcams at
 * .101 and .102, each in its own network namespace with default settings except tokens. The hub
 * watches both by their LAN addresses, and with its default policy cannot be made to call its
 * own loopback or a 169.254.169.254 metadata listener in its namespace, although both answer a
 * plain client there (the positive control).
 */
@NeedsLan
class ManagementLanIT {

  private static final String HUB_TOKEN = "lan-hub-token-0123456789abcdef";
  private static final String CAM_TOKEN = "lan-cam-token-0123456789abcdef";
  private static final Duration START = Duration.ofSeconds(60);

  @TempDir
  Path data;

  @Test
  void watchesLanWebcamsButNeverItsOwnLoopbackOrMetadata() throws Exception {
    Files.writeString(data.resolve("api-status.json"), "{\"status\":\"ok\"}");
    List<MioProcess> processes = new ArrayList<>();
    try (Lan lan = Lan.create("hubapi", 3)) {
      LanHost hub = lan.host(0);
      LanHost client = lan.host(1);
      String hubUrl = "http://" + hub.address() + ":8001";
      processes.add(startHub(hub));
      for (int i = 1; i <= 2; i++) {
        processes.add(startWebcam(lan.host(i)));
      }
      client.awaitStatus(hubUrl + "/health", 200, START);
      for (int i = 1; i <= 2; i++) {
        hub.awaitStatus("http://" + lan.host(i).address() + ":8000/health", 200, START);
        register(client, hubUrl, "cam-" + i, "http://" + lan.host(i).address() + ":8000",
            "{'type':'bearer','token':'" + CAM_TOKEN + "'}");
      }

      JsonNode overview = api(client, "GET", hubUrl + "/api/v1/management/overview", null);
      assertThat(overview.get("summary").get("ok").intValue()).as(overview.toString())
          .isEqualTo(2);
      assertThat(overview.get("summary").get("total").intValue()).isEqualTo(2);

      refusesOwnLoopbackAndMetadata(hub, client, hubUrl);
    } finally {
      processes.forEach(MioProcess::close);
    }
  }

  private void refusesOwnLoopbackAndMetadata(LanHost hub, LanHost client, String hubUrl)
      throws IOException {
    assertThat(hub.run(START, "ip", "addr", "add", "169.254.169.254/32", "dev", "lo").ok())
        .isTrue();
    hub.serveDirectory("169.254.169.254", 80, data);
    hub.serveDirectory("127.0.0.1", 8081, data);
    hub.awaitStatus("http://169.254.169.254/api-status.json", 200, START);
    hub.awaitStatus("http://127.0.0.1:8081/api-status.json", 200, START);
    long before = requestsServed(hub);

    register(client, hubUrl, "metadata", "http://169.254.169.254", "{'type':'none'}");
    register(client, hubUrl, "own-loopback", "http://127.0.0.1:8081", "{'type':'none'}");
    register(client, hubUrl, "own-name", "http://localhost:8081", "{'type':'none'}");
    for (String id : List.of("metadata", "own-loopback", "own-name")) {
      LanHost.Fetched r = client.fetch("GET", hubUrl + "/api/v1/nodes/" + id + "/status",
          auth(), null);
      assertThat(r.status()).as(id + ": " + r.body()).isEqualTo(403);
      assertThat(r.body()).contains("SSRF_BLOCKED").contains("MIO_NODE_ALLOWED_NETWORKS");
    }
    assertThat(requestsServed(hub)).as("requests the hub's own listeners saw").isEqualTo(before);
  }

  private MioProcess startHub(LanHost host) throws IOException {
    return MioProcess.management().prefix(host.exec()).port(8001).noWait()
        .env("MIO_BIND_HOST", "0.0.0.0").env("MIO_MANAGEMENT_AUTH_TOKEN", HUB_TOKEN)
        .env("MIO_DATA_DIR", data.resolve("hub").toString()).start();
  }

  private MioProcess startWebcam(LanHost host) throws IOException {
    return MioProcess.webcam().prefix(host.exec()).port(8000).noWait()
        .env("MIO_BIND_HOST", "0.0.0.0").env("MIO_CAMERA", "mock")
        .env("MIO_WEBCAM_AUTH_TOKEN", CAM_TOKEN)
        .env("MIO_DATA_DIR", data.resolve(host.namespace()).toString()).start();
  }

  private static void register(LanHost from, String hubUrl, String id, String baseUrl,
      String auth) {
    LanHost.Fetched r = from.fetch("POST", hubUrl + "/api/v1/nodes", withJson(),
        q("{'id':'" + id + "','name':'" + id + "','base_url':'" + baseUrl + "','auth':" + auth
            + "}"));
    assertThat(r.status()).as(r.error() + " " + r.body()).isEqualTo(201);
  }

  private static JsonNode api(LanHost from, String method, String url, String body) {
    LanHost.Fetched r = from.fetch(method, url, auth(), body);
    assertThat(r.status()).as(r.error() + " " + r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + HUB_TOKEN);
  }

  private static Map<String, String> withJson() {
    return Map.of("Authorization", "Bearer " + HUB_TOKEN, "Content-Type", "application/json");
  }

  // jwebserver logs one line per request it served.
  private static long requestsServed(LanHost host) throws IOException {
    return Files.readAllLines(host.logFile()).stream().filter(l -> l.contains("\"GET ")).count();
  }
}
