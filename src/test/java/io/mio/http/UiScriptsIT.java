package io.mio.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.Browser;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The UI's input checks and formatting, run as the browser runs them: each case imports the
 * real module from the jar's static folder in Chromium and calls one exported function.
 */
@Tag("browser")
class UiScriptsIT {

  private static WebServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Router router = new Router();
    StaticFiles.fromClasspath("static").mount(router, "webcam.html");
    server = new WebServer("127.0.0.1", 0, Duration.ofSeconds(5), router).start();
    // A page of our origin that runs no script of its own, so modules import cleanly.
    browser = Browser.start(Browser.DESKTOP).open(base() + "/static/icon.svg");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://192.168.1.20:8000       | ''",
      "https://cam.example/base/      | ''",
      "'  http://10.0.0.5  '          | ''",
      "ftp://192.168.1.20             | must start with http",
      "javascript:alert(1)            | must start with http",
      "http://admin:secret@10.0.0.5   | credentials under Authentication",
      "192.168.1.20:8000              | must start with http",
      "not a url                      | must start with http",
      "localhost:8000                 | must start with http",
      "http://[::1                    | not a URL",
      "http://                        | not a URL",
      "''                             | Enter the node's address"})
  void baseUrlsAreCheckedBeforeSending(String url, String problem) {
    String answer = call("node-dialog.js", "m.checkBaseUrl(arg)", url);

    if (problem.isEmpty()) {
      assertThat(answer).isEmpty();
    } else {
      assertThat(answer).contains(problem);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1280x720    | ''",
      "16x16       | ''",
      "4096 X 2160 | ''",
      "15x720      | 16-4096",
      "4097x720    | 16-4096",
      "1280        | width x height",
      "abc         | width x height",
      "-640x480    | width x height"})
  void resolutionsAreCheckedBeforeSending(String value, String problem) {
    String answer = call("webcam-settings.js", "m.checkResolution(arg)", value);

    assertThat(answer).contains(problem);
    assertThat(answer.isEmpty()).isEqualTo(problem.isEmpty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 | true", "120 | true", "0 | false", "121 | false", "2.5 | false", "'' | false",
      "1e2 | false", "' 30 ' | true"})
  void fpsMustBeAWholeNumberFromOneTo120(String value, boolean valid) {
    assertThat(call("webcam-settings.js", "m.wholeNumber(1, 120)(arg)", value).isEmpty())
        .isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Front door       | front-door",
      "  Garage #2!     | garage-2",
      "Ünïcödé Cam      | unicode-cam",
      "---              | ''"})
  void idsDerivedFromNamesFollowTheHubRules(String name, String id) {
    assertThat(call("node-dialog.js", "m.slugOf(arg)", name)).isEqualTo(id);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'room=garage, floor=0' | {\"room\":\"garage\",\"floor\":\"0\"}",
      "''                     | {}",
      "nokey                  | is not key=value",
      "=value                 | is not key=value"})
  void labelsAreParsedFromKeyValuePairs(String text, String expected) {
    String answer = call("node-dialog.js",
        "(() => { try { return JSON.stringify(m.parseLabels(arg)); }"
            + " catch (e) { return e.message; } })()", text);

    assertThat(answer).contains(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "m.formatDuration(42)                  | 42s",
      "m.formatDuration(3725)                | 1h 02m",
      "m.formatDuration(90061)               | 1d 1h",
      "m.formatAgeMs(250)                    | 250 ms",
      "m.formatAgeMs(4200)                   | 4.2 s",
      "m.formatSince(null)                   | never",
      "m.formatSince(new Date(Date.now() - 2000).toISOString())   | just now",
      "m.formatSince(new Date(Date.now() - 42000).toISOString())  | 42s ago",
      "m.formatSince(new Date(Date.now() - 400000).toISOString()) | 6m ago",
      "m.formatFps(29.97)                    | 30.0",
      "m.reasonText('camera_restarting')     | The camera is restarting"})
  void figuresAreFormattedForPeople(String expression, String expected) {
    assertThat(call("common.js", expression, "")).isEqualTo(expected);
  }

  /** Imports /static/{module} as {@code m} and returns {@code expression} as a string. */
  private static String call(String module, String expression, String arg) {
    Object result = browser.driver().executeAsyncScript("""
        const [module, expression, arg, done] = arguments;
        import('/static/' + module)
          .then((m) => done(String(new Function('m', 'arg', 'return ' + expression)(m, arg))))
          .catch((e) => done('IMPORT FAILED: ' + e));""", module, expression, arg);
    return (String) result;
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }
}
