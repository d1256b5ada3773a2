package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.Browser;
import io.mio.testing.MioProcess;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/** The settings panel of the webcam page against the real node's settings API. */
@Tag("browser")
class WebcamSettingsIT {

  private static final String TOKEN = "webcam-admin-token-0123456789";

  @TempDir
  Path data;
  private MioProcess node;
  private Browser browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void refusesInvalidValuesBeforeSendingThem() throws Exception {
    start(null);
    openSettings();
    String before = settingsJson(null);

    type("#set-fps", "0");
    type("#set-resolution", "12x7");
    browser.find("#settings-save").click();

    assertThat(browser.text("#set-fps-error")).isEqualTo("Enter a whole number from 1 to 120.");
    assertThat(browser.text("#set-resolution-error")).contains("16-4096");
    assertThat(browser.find("#set-resolution").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
        .isEqualTo("set-resolution");
    browser.screenshot("webcam-settings-invalid-desktop");
    assertThat(settingsJson(null)).isEqualTo(before);
  }

  @Test
  void savesChangedValuesAndSaysWhatChanged() throws Exception {
    start(null);
    openSettings();

    type("#set-fps", "5");
    type("#set-quality", "60");
    browser.find("#settings-save").click();

    awaitChanges();
    assertThat(browser.text("#settings-changes"))
        .contains("Frames per second: 30 → 5").contains("JPEG quality: ")
        .doesNotContain("Resolution");
    assertThat(settingsJson(null)).contains("\"fps\":5", "\"jpeg_quality\":60");
    await().atMost(Duration.ofSeconds(15)).until(() -> browser.text("#stat-fps").startsWith("5."));

    browser.find("#settings-save").click();
    assertThat(browser.text("#settings-result")).contains("Nothing to save");
  }

  @Test
  void asksForTheTokenWhenTheNodeHasOneAndKeepsItForTheSessionOnly() throws Exception {
    start(TOKEN);
    browser.find("#settings-button").click();

    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findAll("#token-input").isEmpty());
    browser.screenshot("webcam-token-prompt-desktop");
    browser.find("#token-input").sendKeys(TOKEN, Keys.ENTER);
    await().atMost(Duration.ofSeconds(10))
        .until(() -> "30".equals(browser.find("#set-fps").getAttribute("value")));

    type("#set-fps", "12");
    browser.find("#settings-save").click();
    awaitChanges();
    assertThat(settingsJson(TOKEN)).contains("\"fps\":12");
    assertThat(browser.js("return sessionStorage.getItem('mio.webcam.token')")).isEqualTo(TOKEN);
    assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
    assertThat(browser.js("return document.cookie")).isEqualTo("");
  }

  @Test
  void settingsPinnedByTheEnvironmentCannotBeEdited() throws Exception {
    start(null, MioProcess.webcam().env("MIO_FPS", "8"));
    openSettings();

    assertThat(browser.find("#set-fps").getAttribute("value")).isEqualTo("8");
    assertThat(browser.find("#set-fps").isEnabled()).isFalse();
    assertThat(browser.text("#set-fps-hint")).contains("environment");
    assertThat(browser.find("#set-quality").isEnabled()).isTrue();
  }

  @Test
  void restartCameraAsksFirstThenRestartsIt() throws Exception {
    start(null);
    openSettings();

    browser.find("#restart-camera-button").click();
    browser.find("#confirm-ok").click();

    await().atMost(Duration.ofSeconds(10))
        .until(() -> browser.text("#settings-result").contains("Camera restart requested"));
    await().atMost(Duration.ofSeconds(15)).until(() -> !browser.text("#stat-restarts").equals("0")
        && !browser.text("#stat-restarts").equals("—"));
  }

  private void start(String token) throws Exception {
    start(token, MioProcess.webcam());
  }

  /** Settings given in the environment are pinned there, so the tests leave them out. */
  private void start(String token, MioProcess.Builder b) throws Exception {
    b.env("MIO_CAMERA", "mock").env("MIO_NODE_NAME", "shed cam")
        .env("MIO_DATA_DIR", data.toString());
    if (token != null) {
      b.env("MIO_WEBCAM_AUTH_TOKEN", token);
    }
    node = b.start().awaitReady();
    browser = Browser.start(Browser.DESKTOP).open(node.baseUrl() + "/");
    await().atMost(Duration.ofSeconds(20))
        .until(() -> "ok".equals(browser.find("#status-badge").getAttribute("data-status")));
  }

  private void openSettings() {
    browser.find("#settings-button").click();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> !browser.find("#set-fps").getAttribute("value").isEmpty());
  }

  private void awaitChanges() {
    await().atMost(Duration.ofSeconds(10))
        .until(() -> !browser.findAll("#settings-changes").isEmpty());
  }

  private void type(String css, String text) {
    browser.find(css).clear();
    browser.find(css).sendKeys(text);
  }

  private String settingsJson(String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(node.uri("/api/v1/settings"));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return node.send(r).body().replace(" ", "");
  }
}
