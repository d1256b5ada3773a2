package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mio.http.ApiException;
import io.mio.http.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class NodeValidatorTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void createsAManualApprovedNodeWithDefaults() {
    Node n = NodeValidator.create(json("{'id':'cam-1','name':'Garage',"
        + "'base_url':'HTTP://Cam.LAN:8000/'}"), NOW);

    assertThat(n.baseUrl().toString()).isEqualTo("http://cam.lan:8000");
    assertThat(n.auth()).isEqualTo(NodeAuth.NONE);
    assertThat(n.transport()).isEqualTo("http");
    assertThat(n.labels()).isEmpty();
    assertThat(n.discovery()).isEqualTo(Discovery.manual(NOW));
    assertThat(n.lastSeen()).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{'name':'a','base_url':'http://h'}|id",
      "{'id':'Cam','name':'a','base_url':'http://h'}|id",
      "{'id':'-cam','name':'a','base_url':'http://h'}|id",
      "{'id':'a_b','name':'a','base_url':'http://h'}|id",
      "{'id':7,'name':'a','base_url':'http://h'}|id",
      "{'id':'c','base_url':'http://h'}|name",
      "{'id':'c','name':'  ','base_url':'http://h'}|name",
      "{'id':'c','name':'a\\nb','base_url':'http://h'}|name",
      "{'id':'c','name':'a'}|base_url",
      "{'id':'c','name':'a','base_url':'ftp://h'}|base_url",
      "{'id':'c','name':'a','base_url':'/relative'}|base_url",
      "{'id':'c','name':'a','base_url':'http://u:p@h'}|base_url",
      "{'id':'c','name':'a','base_url':'http://h/?x=1'}|base_url",
      "{'id':'c','name':'a','base_url':'http://h/#top'}|base_url",
      "{'id':'c','name':'a','base_url':'http://bad_host:80'}|base_url",
      "{'id':'c','name':'a','base_url':'http://h','labels':['x']}|labels",
      "{'id':'c','name':'a','base_url':'http://h','labels':{'room':1}}|labels.room",
      "{'id':'c','name':'a','base_url':'http://h','labels':{'bad key':'v'}}|labels.bad key",
      "{'id':'c','name':'a','base_url':'http://h','transport':'webrtc'}|transport",
      "{'id':'c','name':'a','base_url':'http://h','colour':'red'}|colour",
      "{'id':'c','name':'a','base_url':'http://h','etag':'x'}|etag",
      "{'id':'c','name':'a','base_url':'http://h','last_seen':null}|last_seen",
  })
  void refusesEachBadFieldByName(String body, String field) {
    assertThatThrownBy(() -> NodeValidator.create(json(body), NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
          assertThat(fields(e)).containsKey(field);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:27000/a%0Ab",
      "http://127.0.0.1:27000/a%7Fb",
      "http://127.0.0.1:27000/%3Fx=1",
      "http://127.0.0.1:27000/%3fx=1",
      "http://127.0.0.1:27000/%23frag",
      "http://127.0.0.1:27000/a%zz",
      "http://127.0.0.1:27000/a b",
      "http://127.0.0.1:99999",
      "http://127.0.0.1:0",
      "http://[fe80::1%25eth0]:8000",
      "http://2130706433:8000",
      "http://0:8000",
      "http://017700000001:8000",
      "http://0x7f.1:8000",
      "http:opaque",
      "http:///path",
  })
  void refusesAmbiguousOrEncodedBaseUrlsAsValidationErrors(String url) {
    refusesEachBadFieldByName("{'id':'c','name':'a','base_url':'" + url + "'}", "base_url");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:27000/a%20b|http://127.0.0.1:27000/a%20b",
      "http://127.0.0.1:27000/a%25zz/|http://127.0.0.1:27000/a%25zz",
      "HTTPS://[::1]:443/Cam1|https://[::1]:443/Cam1",
      "http://cam.lan|http://cam.lan",
  })
  void keepsValidPercentEncodingAsItIs(String url, String stored) {
    Node n = NodeValidator.create(json("{'id':'c','name':'a','base_url':'" + url + "'}"), NOW);

    assertThat(n.baseUrl().toString()).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "5|auth",
      "{'type':'digest'}|auth.type",
      "{}|auth.type",
      "{'type':'bearer'}|auth.token",
      "{'type':'bearer','token':'a b'}|auth.token",
      "{'type':'bearer','token':'t','username':'u'}|auth.username",
      "{'type':'basic','password':'p'}|auth.username",
      "{'type':'basic','username':'u'}|auth.password",
      "{'type':'basic','username':'u:v','password':'p'}|auth.username",
      "{'type':'basic','username':'u','password':'p','token':'t'}|auth.token",
      "{'type':'none','token':'t'}|auth.token",
      "{'type':'none','secret_set':true}|auth.secret_set",
      "{'type':'none','realm':'x'}|auth.realm",
  })
  void refusesEachBadAuthByName(String auth, String field) {
    refusesEachBadFieldByName("{'id':'c','name':'a','base_url':'http://h','auth':" + auth + "}",
        field);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    assertThatThrownBy(() -> NodeValidator.create(json("{'id':'X','name':'','base_url':'x',"
        + "'transport':'y','extra':1}"), NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fields(e))
            .containsKeys("id", "name", "base_url", "transport", "extra"));
  }

  @Test
  void refusesTooManyLabels() {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i <= NodeValidator.MAX_LABELS; i++) {
      labels.append(i == 0 ? "" : ",").append("'k").append(i).append("':'v'");
    }
    assertThatThrownBy(() -> NodeValidator.create(json("{'id':'c','name':'a',"
        + "'base_url':'http://h','labels':{" + labels + "}}"), NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fields(e))
            .containsKey("labels"));
  }

  @Test
  void neverQuotesSecretsOrUserInfoInMessages() {
    String body = "{'id':'c','name':'a','base_url':'http://alice:hunter2@h',"
        + "'auth':{'type':'bearer','token':'tok en-secret'}}";
    assertThatThrownBy(() -> NodeValidator.create(json(body), NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()
            + fields(e)).doesNotContain("hunter2").doesNotContain("en-secret"));
  }

  @Test
  void keepsTheStoredSecretWhenAReplacementOmitsIt() {
    Node stored = NodeValidator.create(json("{'id':'c','name':'a','base_url':'http://h',"
        + "'auth':{'type':'basic','username':'u','password':'p1'}}"), NOW);

    Node replaced = NodeValidator.replace(stored, json("{'name':'b','base_url':'http://h',"
        + "'auth':{'type':'basic','username':'v'}}"));

    assertThat(replaced.auth()).isEqualTo(NodeAuth.basic("v", "p1"));
    assertThat(replaced.name()).isEqualTo("b");
  }

  @Test
  void needsTheSecretWhenTheAuthTypeChanges() {
    Node stored = NodeValidator.create(json("{'id':'c','name':'a','base_url':'http://h',"
        + "'auth':{'type':'basic','username':'u','password':'p1'}}"), NOW);

    assertThatThrownBy(() -> NodeValidator.merge(stored, json("{'auth':{'type':'bearer'}}")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fields(e))
            .containsOnlyKeys("auth.token"));
  }

  @Test
  void mergesPatchesIntoTheStoredNode() {
    Node stored = NodeValidator.create(json("{'id':'c','name':'a','base_url':'http://h',"
        + "'labels':{'room':'garage','floor':'0'},'auth':{'type':'bearer','token':'t1'}}"), NOW);

    Node patched = NodeValidator.merge(stored, json("{'name':'b','labels':{'floor':null,"
        + "'side':'east'}}"));

    assertThat(patched.name()).isEqualTo("b");
    assertThat(patched.labels()).isEqualTo(Map.of("room", "garage", "side", "east"));
    assertThat(patched.auth()).isEqualTo(NodeAuth.bearer("t1"));
    assertThat(patched.discovery()).isEqualTo(stored.discovery());
  }

  @Test
  void dropsCredentialsWhenAuthBecomesNone() {
    Node stored = NodeValidator.create(json("{'id':'c','name':'a','base_url':'http://h',"
        + "'auth':{'type':'basic','username':'u','password':'p'}}"), NOW);

    assertThat(NodeValidator.merge(stored, json("{'auth':{'type':'none'}}")).auth())
        .isEqualTo(NodeAuth.NONE);
  }

  @Test
  void refusesToChangeTheId() {
    Node stored = NodeValidator.create(json("{'id':'c','name':'a','base_url':'http://h'}"), NOW);

    assertThatThrownBy(() -> NodeValidator.merge(stored, json("{'id':'d'}")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fields(e))
            .containsOnlyKeys("id"));
  }

  @Test
  void refusesABodyThatIsNotAnObject() {
    assertThatThrownBy(() -> NodeValidator.create(json("[1]"), NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fields(e))
            .containsOnlyKeys("body"));
  }

  private static JsonNode json(String singleQuoted) {
    return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> fields(ApiException e) {
    return (Map<String, String>) e.details().get("fields");
  }
}
