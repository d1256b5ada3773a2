package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.MioProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refused PATCH leaves the stored settings byte-identical and the settings in force. */
class SettingsBadInputIT {

  private static Path data;
  private static MioProcess node;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("mio-settings-bad");
    node = MioProcess.webcam().env("MIO_CAMERA", "mock").env("MIO_DATA_DIR", data.toString())
        .start();
    assertThat(SettingsIT.patch(node, "{'fps':15}").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("unknown key", "application/json", "{\"fsp\":10}", 400),
        Arguments.of("fps 0", "application/json", "{\"fps\":0}", 400),
        Arguments.of("fps 1000", "application/json", "{\"fps\":1000}", 400),
        Arguments.of("resolution abc", "application/json", "{\"resolution\":\"abc\"}", 400),
        Arguments.of("fps as text", "application/json", "{\"fps\":\"10\"}", 400),
        Arguments.of("fps as fraction", "application/json", "{\"fps\":10.5}", 400),
        Arguments.of("resolution as number", "application/json", "{\"resolution\":640}", 400),
        Arguments.of("quality as boolean", "application/json", "{\"jpeg_quality\":true}", 400),
        Arguments.of("level as array", "application/json", "{\"log_level\":[\"info\"]}", 400),
        Arguments.of("one good one bad", "application/json", "{\"fps\":10,\"x\":1}", 400),
        Arguments.of("array body", "application/json", "[{\"fps\":10}]", 400),
        Arguments.of("malformed JSON", "application/json", "{\"fps\":", 400),
        Arguments.of("two documents", "application/json", "{\"fps\":10}{}", 400),
        Arguments.of("not JSON", "text/plain", "fps=10", 415),
        Arguments.of("1 MB body", "application/json",
            "{\"fps\":10,\"pad\":\"" + "x".repeat(1 << 20) + "\"}", 413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void aRefusedPatchChangesNothing(String what, String type, String body, int status)
      throws Exception {
    byte[] before = Files.readAllBytes(data.resolve("settings.json"));
    String settingsBefore = node.get("/api/v1/settings").body();

    HttpResponse<String> r = node.send(HttpRequest.newBuilder(node.uri("/api/v1/settings"))
        .header("Content-Type", type)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).startsWith("{\"error\":{\"code\":");
    assertThat(Files.readAllBytes(data.resolve("settings.json"))).isEqualTo(before);
    assertThat(node.get("/api/v1/settings").body()).isEqualTo(settingsBefore);
  }
}
