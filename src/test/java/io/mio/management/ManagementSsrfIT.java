package io.mio.management;

import static io.mio.testing.HubClient.json;
import static io.mio.testing.HubClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import io.mio.testing.SilentListener;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The real hub with the default address policy never calls this machine: nodes registered with
 * loopback addresses in any spelling are refused with SSRF_BLOCKED (or not stored at all), and a
 * listener on every local address sees zero connections.
 */
class ManagementSsrfIT {

  private static final String TOKEN = "ssrf-it-token-0123456789abcdef";

  @TempDir
  static Path data;
  private static SilentListener listener;
  private static MioProcess hub;
  private static HubClient api;

  @BeforeAll
  static void start() throws Exception {
    // On "::" the listener also takes IPv4 connections, so every loopback spelling reaches it.
    listener = SilentListener.on("::");
    hub = MioProcess.management().env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_DATA_DIR", data.toString()).start();
    api = new HubClient(hub.baseUrl(), TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    hub.close();
    listener.close();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "loop4, 127.0.0.1, 127.0.0.1",
      "loopname, localhost, 127.0.0.1",
      "loop6, [::1], ::1",
      "mapped, [::ffff:127.0.0.1], 127.0.0.1",
      "unspecified, 0.0.0.0, 0.0.0.0"})
  void refusesLoopbackNodesNamingTheAddressAndTheSetting(String id, String host,
      String address) throws Exception {
    String base = "http://" + host + ":" + listener.port();
    HttpResponse<String> created = api.post("/api/v1/nodes", q("{'id':'" + id + "','name':'"
        + id + "','base_url':'" + base + "'}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<String> status = api.get("/api/v1/nodes/" + id + "/status");
    JsonNode error = json(status).get("error");
    assertThat(status.statusCode()).as(status.body()).isEqualTo(403);
    assertThat(error.get("code").stringValue()).isEqualTo("SSRF_BLOCKED");
    assertThat(error.get("message").stringValue()).contains(address)
        .contains("MIO_NODE_ALLOWED_NETWORKS");

    HttpResponse<String> action = api.post("/api/v1/nodes/" + id + "/actions/restart-camera",
        "{}");
    assertThat(action.statusCode()).isEqualTo(403);
    assertThat(json(action).get("error").get("code").stringValue()).isEqualTo("SSRF_BLOCKED");

    JsonNode overview = json(api.get("/api/v1/management/overview"));
    for (JsonNode n : overview.get("nodes")) {
      assertThat(n.get("error").get("code").stringValue()).isEqualTo("SSRF_BLOCKED");
    }
    assertThat(listener.connections()).isZero();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"dec, 2130706433", "hex, 0x7f.1", "oct, 017700000001", "short, 127.1"})
  void refusesOddIpv4SpellingsBeforeAnyConnection(String id, String host) throws Exception {
    HttpResponse<String> created = api.post("/api/v1/nodes", q("{'id':'" + id + "','name':'"
        + id + "','base_url':'http://" + host + ":" + listener.port() + "'}"));

    if (created.statusCode() == 201) {
      HttpResponse<String> status = api.get("/api/v1/nodes/" + id + "/status");
      assertThat(status.statusCode()).as(status.body()).isEqualTo(403);
      assertThat(json(status).get("error").get("code").stringValue()).isEqualTo("SSRF_BLOCKED");
    } else {
      assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
      assertThat(json(created).get("error").get("details").get("fields").has("base_url"))
          .isTrue();
    }
    assertThat(listener.connections()).isZero();
  }
}
