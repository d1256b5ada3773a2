package io.mio;

import static io.mio.InProcessModes.ADMIN;
import static io.mio.InProcessModes.HUB;
import static io.mio.InProcessModes.SECRET;
import static io.mio.InProcessModes.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.DocumentedAnswers;
import io.mio.testing.OpenApiDoc;
import io.mio.testing.Ports;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real answers of both modes, successes and errors, against their OpenAPI documents: every
 * status is documented for its route, every media type too, and every JSON body fits the
 * documented schema (closed objects: a field the code adds without documenting it fails).
 */
class OpenApiAnswersTest {

  private static final String JSON = "application/json";
  private static final String MERGE = "application/merge-patch+json";

  @TempDir
  static Path data;
  private static InProcessModes modes;

  @BeforeAll
  static void start() throws Exception {
    modes = new InProcessModes(data);
    await().atMost(Duration.ofSeconds(10)).until(() -> InProcessModes.send(
        modes.webcam.port(), "GET", "/ready", null, null, null).statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    modes.close();
  }

  /** Sends one request to a mode and checks the answer against that mode's document. */
  private record Caller(int port, DocumentedAnswers answers) {

    void call(String method, String path, String auth, String type, String body, int expected)
        throws Exception {
      answers.check(method, path, expected,
          InProcessModes.send(port, method, path, auth, type, body));
    }

    void get(String path, String auth, int expected) throws Exception {
      call("GET", path, auth, null, null, expected);
    }
  }

  @Test
  void webcamAnswersAreTheDocumentedOnes() throws Exception {
    Caller c = new Caller(modes.webcam.port(),
        new DocumentedAnswers(OpenApiDoc.resource("webcam.json")));
    for (String open : new String[] {"/health", "/ready", "/metrics", "/openapi.json",
        "/static/webcam.js"}) {
      c.get(open, null, 200);
    }
    c.get("/static/nope.js", null, 404);
    c.get("/api/status", VIEWER, 200);
    c.get("/api/status", null, 401);
    c.get("/api/status", "Bearer wrong-token", 401);
    c.get("/snapshot.jpg?1595805826022", VIEWER, 200);
    c.get("/snapshot.jpg?max_age_ms=0", VIEWER, 400);
    c.call("HEAD", "/stream.mjpg", VIEWER, null, null, 200);
    c.get("/stream.mjpg?fps=1000", VIEWER, 400);
    c.get("/", VIEWER, 200);
    c.get("/?action=snapshot", VIEWER, 200);
    c.get("/?action=nope", VIEWER, 400);
    c.get("/webcam/?action=snapshot", VIEWER, 200);
    c.get("/webcam", VIEWER, 400);

    c.get("/api/v1/settings", ADMIN, 200);
    c.get("/api/v1/settings", VIEWER, 403);
    c.call("PATCH", "/api/v1/settings", ADMIN, JSON, "{\"jpeg_quality\":70}", 200);
    c.call("PATCH", "/api/v1/settings", ADMIN, MERGE, "{\"jpeg_quality\":null}", 200);
    c.call("PATCH", "/api/v1/settings", ADMIN, JSON, "{\"jpeg_quality\":0,\"x\":1}", 400);
    c.call("PATCH", "/api/v1/settings", ADMIN, JSON, "{\"fps\":10}", 409);
    c.call("PATCH", "/api/v1/settings", ADMIN, "text/plain", "fps=10", 415);
    c.call("PATCH", "/api/v1/settings", ADMIN, JSON, "x".repeat(70_000), 413);
    c.call("PATCH", "/api/v1/settings", null, JSON, "{\"jpeg_quality\":70}", 401);
    c.call("POST", "/api/v1/actions/nope", ADMIN, null, null, 404);
    c.call("POST", "/api/v1/actions/restart-camera", ADMIN, null, null, 202);

    assertThat(c.answers().mismatches()).isEmpty();
  }

  @Test
  void hubAnswersAreTheDocumentedOnes() throws Exception {
    Caller c = new Caller(modes.hub.port(),
        new DocumentedAnswers(OpenApiDoc.resource("management.json")));
    for (String open : new String[] {"/health", "/ready", "/metrics", "/openapi.json", "/",
        "/static/dashboard.js"}) {
      c.get(open, null, 200);
    }
    c.get("/api/v1/nodes", null, 401);
    String cam = node("cam", "http://127.0.0.1:" + modes.webcam.port(),
        ",\"auth\":{\"type\":\"bearer\",\"token\":\"" + ADMIN.substring(7) + "\"}"
            + ",\"labels\":{\"room\":\"hall\"}");
    c.call("POST", "/api/v1/nodes", HUB, JSON, cam, 201);
    c.call("POST", "/api/v1/nodes", HUB, JSON, cam, 409);
    c.call("POST", "/api/v1/nodes", HUB, JSON, "{\"id\":\"Bad Id\",\"etag\":\"x\"}", 400);
    c.call("POST", "/api/v1/nodes", HUB, "text/plain", cam, 415);
    c.call("POST", "/api/v1/nodes", HUB, JSON, node("gone", "http://127.0.0.1:" + Ports.free(),
        ""), 201);
    // ::1 is loopback, which the policy refuses unless named: nothing is ever sent there.
    c.call("POST", "/api/v1/nodes", HUB, JSON, node("v6", "http://[::1]:8000", ""), 201);
    c.get("/api/v1/nodes", HUB, 200);
    c.get("/api/v1/nodes/cam", HUB, 200);
    c.get("/api/v1/nodes/nope", HUB, 404);
    c.call("PUT", "/api/v1/nodes/cam", HUB, JSON, "{\"name\":\"Hall\",\"base_url\":"
        + "\"http://127.0.0.1:" + modes.webcam.port() + "\",\"auth\":{\"type\":\"bearer\"}}", 200);
    c.call("PATCH", "/api/v1/nodes/cam", HUB, MERGE, "{\"labels\":{\"floor\":\"1\"}}", 200);
    c.call("PATCH", "/api/v1/nodes/cam", HUB, JSON, "{\"transport\":\"udp\"}", 400);
    c.get("/api/v1/nodes/cam/status", HUB, 200);
    c.get("/api/v1/nodes/gone/status", HUB, 503);
    c.get("/api/v1/nodes/v6/status", HUB, 403);
    c.get("/api/v1/management/overview", HUB, 200);
    c.call("POST", "/api/v1/nodes/cam/actions/restart-camera", HUB, null, null, 202);
    c.call("POST", "/api/v1/nodes/cam/actions/nope", HUB, null, null, 404);
    c.call("POST", "/api/v1/nodes/cam/discovery/reject", HUB, null, null, 409);

    announcements(c);
    c.get("/api/v1/management/overview", HUB, 200);
    c.call("POST", "/api/v1/nodes/node-0123abcd/actions/restart-camera", HUB, null, null, 409);
    c.call("POST", "/api/v1/nodes/node-0123abcd/discovery/approve", HUB, null, null, 200);
    c.call("POST", "/api/v1/nodes/node-0123abcd/discovery/reject", HUB, null, null, 204);
    c.call("DELETE", "/api/v1/nodes/gone", HUB, null, null, 204);
    c.call("DELETE", "/api/v1/nodes/gone", HUB, null, null, 404);

    assertThat(c.answers().mismatches()).isEmpty();
  }

  /** A discovered node, left pending, then refreshed; bad announcements refused. */
  private static void announcements(Caller c) throws Exception {
    String url = "http://127.0.0.1:" + modes.webcam.port();
    String announce = "{\"node_id\":\"node-0123abcd\",\"name\":\"Porch\",\"base_url\":\"" + url
        + "\",\"auth\":{\"type\":\"none\"},\"version\":\"1\",\"future\":true}";
    String path = "/api/v1/discovery/announce";
    c.call("POST", path, SECRET, JSON, announce, 201);
    c.call("POST", path, SECRET, JSON, announce, 200);
    c.call("POST", path, HUB, JSON, announce, 401);
    c.call("POST", path, SECRET, JSON, "{\"node_id\":\"x\"}", 400);
    c.call("POST", path, SECRET, JSON, announce.replace(url, "http://[::1]:8000"), 403);
  }

  private static String node(String id, String baseUrl, String more) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"base_url\":\"" + baseUrl + "\""
        + more + "}";
  }
}
