package io.mio.management;

import static io.mio.testing.HubClient.json;
import static io.mio.testing.HubClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refused write of the real jar gets its status and stable code, and leaves the registry
 * file byte for byte as it was; a corrupt file is reported and never overwritten.
 */
class ManagementBadInputIT {

  private static final String TOKEN = "bad-input-it-token-0123456789";
  private static final String NODES = "/api/v1/nodes";

  @TempDir
  static Path data;
  private static MioProcess hub;
  private static HubClient api;
  private static String etag;

  @BeforeAll
  static void start() throws Exception {
    hub = MioProcess.management().env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_DATA_DIR", data.toString()).start();
    api = new HubClient(hub.baseUrl(), TOKEN);
    HttpResponse<String> r = api.post(NODES, q("{'id':'cam-1','name':'One',"
        + "'base_url':'http://192.168.1.20:8000','auth':{'type':'bearer','token':'t0k3n'}}"));
    assertThat(r.statusCode()).isEqualTo(201);
    etag = r.headers().firstValue("ETag").orElseThrow();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static Stream<Arguments> badWrites() {
    String big = "{\"id\":\"big\",\"name\":\"" + "x".repeat(70_000) + "\"}";
    return Stream.of(
        bad("malformed JSON", post("{'id':"), 400, "INVALID_JSON"),
        bad("empty body", post(""), 400, "INVALID_JSON"),
        bad("trailing garbage", post("{'id':'x'} {}"), 400, "INVALID_JSON"),
        bad("a field given twice", post("{'id':'x','name':'n','base_url':'http://h',"
            + "'base_url':'http://192.168.1.9'}"), 400, "INVALID_JSON"),
        bad("array body", post("[]"), 400, "VALIDATION_ERROR"),
        bad("wrong type", post("{'id':'x','name':5,'base_url':'http://h'}"), 400,
            "VALIDATION_ERROR"),
        bad("unknown field", post("{'id':'x','name':'n','base_url':'http://h','x':1}"), 400,
            "VALIDATION_ERROR"),
        bad("bad id", post("{'id':'X!','name':'n','base_url':'http://h'}"), 400,
            "VALIDATION_ERROR"),
        bad("user-info in base_url", post("{'id':'x','name':'n','base_url':'http://a:b@h'}"),
            400, "VALIDATION_ERROR"),
        bad("duplicate id", post("{'id':'cam-1','name':'n','base_url':'http://h'}"), 409,
            "CONFLICT"),
        bad("body over 64 KB", api.request(NODES).header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(big)), 413, "PAYLOAD_TOO_LARGE"),
        bad("text/plain body", api.request(NODES).header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString(q("{'id':'x','name':'n','base_url':'http://h'}"))),
            415, "UNSUPPORTED_MEDIA_TYPE"),
        bad("no content type", api.request(NODES)
            .POST(BodyPublishers.ofString(q("{'id':'x','name':'n','base_url':'http://h'}"))),
            415, "UNSUPPORTED_MEDIA_TYPE"),
        bad("stale If-Match", patch("{'name':'new'}", "\"stale\""), 412, "PRECONDITION_FAILED"),
        bad("weak If-Match", patch("{'name':'new'}", "W/" + etag), 412, "PRECONDITION_FAILED"),
        bad("patch changing id", patch("{'id':'cam-2'}", null), 400, "VALIDATION_ERROR"),
        bad("patch removing name", patch("{'name':null}", null), 400, "VALIDATION_ERROR"),
        bad("patch to basic without password",
            patch("{'auth':{'type':'basic','username':'u'}}", null), 400, "VALIDATION_ERROR"),
        bad("put without base_url", api.request(NODES + "/cam-1")
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(q("{'name':'n'}"))), 400, "VALIDATION_ERROR"),
        bad("patch of a missing node", api.request(NODES + "/nope")
            .header("Content-Type", "application/json")
            .method("PATCH", BodyPublishers.ofString("{}")), 404, "NODE_NOT_FOUND"),
        bad("delete with stale If-Match", api.request(NODES + "/cam-1")
            .header("If-Match", "\"stale\"").DELETE(), 412, "PRECONDITION_FAILED"),
        bad("method not allowed", api.request(NODES).method("PATCH", BodyPublishers.noBody()),
            405, "METHOD_NOT_ALLOWED"),
        bad("no token", api.request(NODES).header("Authorization", "Bearer wrong")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(q("{'id':'x','name':'n','base_url':'http://h'}"))),
            401, "UNAUTHORIZED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badWrites")
  void refusesTheWriteAndLeavesTheFileByteIdentical(HttpRequest.Builder request, int status,
      String code) throws Exception {
    byte[] before = Files.readAllBytes(data.resolve("nodes.json"));

    HttpResponse<String> r = api.send(request);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).get("error").get("code").stringValue()).isEqualTo(code);
    assertThat(json(r).get("error").get("message").stringValue()).isNotBlank();
    assertThat(Files.readAllBytes(data.resolve("nodes.json"))).isEqualTo(before);
  }

  @Test
  void neverOverwritesACorruptRegistryAndSaysWhatToDo() throws Exception {
    Path file = data.resolve("corrupt").resolve("nodes.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"schema\":1,\"nodes\":[{\"id\":\"half");
    byte[] before = Files.readAllBytes(file);
    try (MioProcess other = MioProcess.management().env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_DATA_DIR", file.getParent().toString()).start()) {
      HubClient client = new HubClient(other.baseUrl(), TOKEN);

      HttpResponse<String> list = client.get(NODES);
      HttpResponse<String> create = client.post(NODES, q("{'id':'x','name':'n',"
          + "'base_url':'http://192.168.1.9'}"));

      for (HttpResponse<String> r : java.util.List.of(list, create)) {
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r).get("error").get("code").stringValue())
            .isEqualTo("REGISTRY_CORRUPTED");
        assertThat(json(r).get("error").get("message").stringValue()).contains(file.toString())
            .contains("move it away");
      }
      assertThat(client.get("/ready").statusCode()).isEqualTo(503);
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
  }

  private static Arguments bad(String name, HttpRequest.Builder request, int status,
      String code) {
    return Arguments.of(Named.of(name, request), status, code);
  }

  private static HttpRequest.Builder post(String singleQuoted) {
    return api.request(NODES).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(q(singleQuoted)));
  }

  private static HttpRequest.Builder patch(String singleQuoted, String ifMatch) {
    HttpRequest.Builder b = api.request(NODES + "/cam-1")
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", BodyPublishers.ofString(q(singleQuoted)));
    return ifMatch == null ? b : b.header("If-Match", ifMatch);
  }
}
