package io.mio.management;

import static io.mio.testing.HubClient.json;
import static io.mio.testing.HubClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The registry API of the real jar: CRUD, ETags, auth, and secrets that never come back. */
class ManagementApiIT {

  private static final String TOKEN = "api-it-token-0123456789abcdef";

  @TempDir
  static Path data;
  private static MioProcess hub;
  private static HubClient api;

  @BeforeAll
  static void start() throws Exception {
    hub = MioProcess.management().env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_DATA_DIR", data.toString()).start();
    api = new HubClient(hub.baseUrl(), TOKEN);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void createsReadsReplacesPatchesAndDeletesANode() throws Exception {
    HttpResponse<String> created = api.post("/api/v1/nodes", q("{'id':'crud','name':'Garage',"
        + "'base_url':'http://192.168.1.50:8000','labels':{'room':'garage'}}"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/nodes/crud");
    JsonNode node = json(created);
    assertThat(node.get("auth").get("type").stringValue()).isEqualTo("none");
    assertThat(node.get("discovery").get("source").stringValue()).isEqualTo("manual");
    assertThat(node.get("discovery").get("approved").booleanValue()).isTrue();
    assertThat(created.headers().firstValue("ETag")).contains(node.get("etag").stringValue());

    assertThat(json(api.get("/api/v1/nodes/crud")).get("name").stringValue()).isEqualTo("Garage");
    assertThat(api.get("/api/v1/nodes").body()).contains("\"id\":\"crud\"");

    HttpResponse<String> replaced = api.put("/api/v1/nodes/crud", q("{'name':'Shed',"
        + "'base_url':'http://192.168.1.51:8000'}"), null);
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(json(replaced).get("labels").size()).isZero();

    HttpResponse<String> patched = api.patch("/api/v1/nodes/crud", q("{'labels':{'a':'b'}}"),
        null);
    assertThat(json(patched).get("name").stringValue()).isEqualTo("Shed");
    assertThat(json(patched).get("labels").get("a").stringValue()).isEqualTo("b");

    assertThat(api.delete("/api/v1/nodes/crud", null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = api.get("/api/v1/nodes/crud");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(json(gone).get("error").get("code").stringValue()).isEqualTo("NODE_NOT_FOUND");
  }

  @Test
  void refusesAStaleIfMatchAndAcceptsTheCurrentTag() throws Exception {
    String first = api.post("/api/v1/nodes", q("{'id':'etag','name':'A',"
        + "'base_url':'http://10.0.0.5:8000'}")).headers().firstValue("ETag").orElseThrow();
    String second = api.patch("/api/v1/nodes/etag", q("{'name':'B'}"), first).headers()
        .firstValue("ETag").orElseThrow();
    assertThat(second).isNotEqualTo(first);

    HttpResponse<String> stale = api.patch("/api/v1/nodes/etag", q("{'name':'C'}"), first);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale).get("error").get("code").stringValue())
        .isEqualTo("PRECONDITION_FAILED");
    assertThat(api.delete("/api/v1/nodes/etag", first).statusCode()).isEqualTo(412);
    assertThat(json(api.get("/api/v1/nodes/etag")).get("name").stringValue()).isEqualTo("B");

    assertThat(api.put("/api/v1/nodes/etag", q("{'name':'D','base_url':'http://10.0.0.5'}"),
        second).statusCode()).isEqualTo(200);
    assertThat(api.delete("/api/v1/nodes/etag", "*").statusCode()).isEqualTo(204);
  }

  @Test
  void neverReturnsOrLogsASecret() throws Exception {
    String token = "node-bearer-SECRET-4f1c9a";
    String password = "node-basic-PASSWORD-77d2";
    api.post("/api/v1/nodes", q("{'id':'sec-a','name':'A','base_url':'http://10.0.0.6:8000',"
        + "'auth':{'type':'bearer','token':'" + token + "'}}"));
    api.post("/api/v1/nodes", q("{'id':'sec-b','name':'B','base_url':'http://10.0.0.7:8000',"
        + "'auth':{'type':'basic','username':'u','password':'" + password + "'}}"));
    api.patch("/api/v1/nodes/sec-b", q("{'name':'B2'}"), null);
    api.put("/api/v1/nodes/sec-a", q("{'name':'A2','base_url':'http://10.0.0.6:8000',"
        + "'auth':{'type':'bearer'}}"), null);
    api.post("/api/v1/nodes", q("{'id':'sec-c','name':'','base_url':'http://u:" + password
        + "@h','auth':{'type':'bearer','token':'bad " + token + "'}}"));
    api.get("/api/v1/nodes");
    api.get("/api/v1/nodes/sec-a");

    JsonNode a = json(api.get("/api/v1/nodes/sec-a"));
    assertThat(a.get("auth").get("secret_set").booleanValue()).isTrue();
    assertThat(a.get("auth").has("token")).isFalse();
    assertThat(api.everything()).doesNotContain(token).doesNotContain(password);
    assertThat(hub.logText()).doesNotContain(token).doesNotContain(password)
        .doesNotContain(TOKEN);
    assertThat(Files.readString(data.resolve("nodes.json"))).contains(token).contains(password);
  }

  @Test
  void refusesTheApiWithoutTheTokenButKeepsProbesPublic() throws Exception {
    HubClient anonymous = new HubClient(hub.baseUrl(), null);

    HttpResponse<String> refused = anonymous.get("/api/v1/nodes");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(json(refused).get("error").get("code").stringValue()).isEqualTo("UNAUTHORIZED");
    assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/ready").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = anonymous.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_").doesNotContain(TOKEN);
  }

  @Test
  void answersAnUnknownPathWithJson404() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/nodez");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").get("code").stringValue()).isEqualTo("NOT_FOUND");
  }
}
