package io.mio.discovery;

import static io.mio.testing.HubClient.json;
import static io.mio.testing.HubClient.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import io.mio.testing.Ports;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A hub and two mock webcams on loopback that find each other by discovery. */
class DiscoveryIT {

  private static final String SECRET = "discovery-secret-0123456789";
  private static final String HUB_TOKEN = "hub-token-0123456789";
  private static final String CAM_TOKEN = "cam-token-0123456789";
  private static final Duration SOON = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private MioProcess hub;
  private MioProcess camA;
  private MioProcess camB;
  private HubClient api;

  @BeforeEach
  void start() throws Exception {
    hub = MioProcess.management().env("MIO_DATA_DIR", dir.resolve("hub").toString())
        .env("MIO_MANAGEMENT_AUTH_TOKEN", HUB_TOKEN)
        .env("MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8")
        .env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET).start();
    api = new HubClient(hub.baseUrl(), HUB_TOKEN);
    camA = webcam("cam-a", CAM_TOKEN);
    camB = webcam("cam-b", null);
  }

  private MioProcess webcam(String name, String token) throws Exception {
    int port = Ports.free();
    MioProcess.Builder b = MioProcess.webcam().port(port).env("MIO_CAMERA", "mock")
        .env("MIO_RESOLUTION", "320x240").env("MIO_NODE_NAME", name)
        .env("MIO_DATA_DIR", dir.resolve(name).toString())
        .env("MIO_DISCOVERY_MANAGEMENT_URL", hub.baseUrl())
        .env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET)
        .env("MIO_DISCOVERY_INTERVAL_SECONDS", "1")
        .env("MIO_DISCOVERY_ADVERTISE_URL", "http://127.0.0.1:" + port);
    if (token != null) {
      b.env("MIO_WEBCAM_AUTH_TOKEN", token);
    }
    return b.start();
  }

  @AfterEach
  void stop() {
    for (MioProcess p : new MioProcess[] {camA, camB, hub}) {
      if (p != null) {
        p.close();
      }
    }
  }

  @Test
  void webcamsAppearPendingAndApprovalMakesThemOk() throws Exception {
    await().atMost(SOON).until(() -> nodes().size() == 2);
    for (JsonNode n : nodes()) {
      assertThat(n.at("/discovery/source").stringValue()).isEqualTo("discovered");
      assertThat(n.at("/discovery/approved").booleanValue()).isFalse();
    }
    JsonNode pending = json(api.get("/api/v1/management/overview"));
    assertThat(pending.at("/summary/pending").intValue()).isEqualTo(2);
    assertThat(pending.at("/summary/ok").intValue()).isZero();

    for (JsonNode n : nodes()) {
      assertThat(approve(n.get("id").stringValue()).statusCode()).isEqualTo(200);
    }

    // The first probes of a cold node on a busy machine may miss the deadline: ask again.
    JsonNode overview = await().atMost(SOON).until(
        () -> json(api.get("/api/v1/management/overview")),
        o -> o.at("/summary/ok").intValue() == 2);
    assertThat(overview.at("/summary/pending").intValue()).isZero();
  }

  @Test
  void theCallbackTokenLetsTheHubReadAProtectedWebcam() throws Exception {
    JsonNode a = await().atMost(SOON).until(() -> byName("cam-a"), n -> n != null);
    assertThat(a.at("/auth/type").stringValue()).isEqualTo("bearer");
    assertThat(a.at("/auth/secret_set").booleanValue()).isTrue();
    assertThat(api.everything()).doesNotContain(CAM_TOKEN);
    String id = a.get("id").stringValue();

    assertThat(api.get("/api/v1/nodes/" + id + "/status").statusCode()).isEqualTo(409);
    approve(id);

    HttpResponse<String> status = await().atMost(SOON).until(
        () -> api.get("/api/v1/nodes/" + id + "/status"), r -> r.statusCode() != 504);
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    assertThat(json(status).get("status").stringValue()).isEqualTo("ok");
  }

  @Test
  void anOperatorRenameSurvivesTheNextAnnouncement() throws Exception {
    JsonNode b = await().atMost(SOON).until(() -> byName("cam-b"), n -> n != null);
    String id = b.get("id").stringValue();
    HttpResponse<String> read = api.get("/api/v1/nodes/" + id);
    double announcedBefore = reAnnouncements();
    // Both webcams announce about once a second: five more means cam-b did too.
    await().atMost(SOON).until(() -> reAnnouncements() > announcedBefore + 4);

    // The tag read before that announcement still matches: announcements are not edits.
    HttpResponse<String> renamed = api.patch("/api/v1/nodes/" + id,
        q("{'name':'Garage','labels':{'room':'garage'}}"),
        read.headers().firstValue("ETag").orElseThrow());
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    double announcedAfterRename = reAnnouncements();

    await().atMost(SOON).until(() -> reAnnouncements() > announcedAfterRename + 4);
    JsonNode later = json(api.get("/api/v1/nodes/" + id));

    assertThat(later.get("name").stringValue()).isEqualTo("Garage");
    assertThat(later.at("/labels/room").stringValue()).isEqualTo("garage");
  }

  @Test
  void aWrongSecretGets401AndAnUnsafeUrlGets403() throws Exception {
    String body = q("{'node_id':'node-0000000000ff','name':'x','base_url':"
        + "'http://169.254.169.254','auth':{'type':'none'},'version':'1'}");

    HttpResponse<String> wrong = announce(body, "wrong-secret");
    HttpResponse<String> blocked = announce(body, SECRET);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(json(blocked).at("/error/code").stringValue()).isEqualTo("SSRF_BLOCKED");
    assertThat(json(blocked).at("/error/message").stringValue())
        .contains("MIO_NODE_ALLOWED_NETWORKS");
    assertThat(api.get("/api/v1/nodes/node-0000000000ff").statusCode()).isEqualTo(404);
  }

  @Test
  void aRejectedNodeIsRemovedAndReturnsOnlyAsPending() throws Exception {
    JsonNode b = await().atMost(SOON).until(() -> byName("cam-b"), n -> n != null);
    String id = b.get("id").stringValue();

    HttpResponse<String> rejected = api.post("/api/v1/nodes/" + id + "/discovery/reject", "{}");

    assertThat(rejected.statusCode()).isEqualTo(204);
    JsonNode back = await().atMost(SOON).until(() -> byName("cam-b"), n -> n != null);
    assertThat(back.at("/discovery/approved").booleanValue()).isFalse();
  }

  private HttpResponse<String> announce(String body, String secret) throws Exception {
    return api.send(HttpRequest.newBuilder(hub.uri("/api/v1/discovery/announce"))
        .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> approve(String id) throws Exception {
    return api.post("/api/v1/nodes/" + id + "/discovery/approve", "{}");
  }

  private JsonNode nodes() throws Exception {
    return json(api.get("/api/v1/nodes")).get("nodes");
  }

  private JsonNode byName(String name) throws Exception {
    for (JsonNode n : nodes()) {
      if (n.get("name").stringValue().equals(name)) {
        return n;
      }
    }
    return null;
  }

  /** The hub's count of accepted re-announcements (both webcams announce every second). */
  private double reAnnouncements() throws Exception {
    return api.get("/metrics").body().lines()
        .filter(l -> l.startsWith("mio_hub_announcements_total{outcome=\"refreshed\"}"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst().orElse(0);
  }
}
