package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.Browser;
import io.mio.testing.MioProcess;
import io.mio.testing.Ports;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The hub dashboard in headless Chromium: a hub and three webcams as real processes. */
@Tag("browser")
class DashboardIT {

  static final String TOKEN = "dashboard-test-token-0123456789";

  @TempDir
  static Path data;
  static final List<MioProcess> webcams = new ArrayList<>();
  static MioProcess hub;
  Browser browser;

  @BeforeAll
  static void startFleet() throws Exception {
    hub = MioProcess.management()
        .env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8")
        .env("MIO_DATA_DIR", data.resolve("hub").toString()).start();
    for (String name : List.of("Garage", "Front door", "Garden")) {
      MioProcess cam = webcam(name, 0);
      webcams.add(cam);
      register(name.toLowerCase().replace(' ', '-'), name, cam.baseUrl());
    }
    // Nothing listens here: the hub must report it unreachable.
    register("shed", "Shed", "http://127.0.0.1:" + Ports.free());
  }

  private static MioProcess webcam(String name, int port) throws Exception {
    return MioProcess.webcam().port(port).env("MIO_CAMERA", "mock")
        .env("MIO_RESOLUTION", "640x360").env("MIO_FPS", "10").env("MIO_NODE_NAME", name)
        .env("MIO_DATA_DIR", data.resolve(name).toString()).start();
  }

  @AfterAll
  static void stopFleet() {
    webcams.forEach(MioProcess::close);
    if (hub != null) {
      hub.close();
    }
  }

  @BeforeEach
  void openDashboard() throws Exception {
    browser = Browser.start(Browser.DESKTOP).open(hub.baseUrl() + "/");
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void showsThreeLiveNodesAndTheUnreachableOneWithItsErrorCode() {
    signIn(TOKEN);

    awaitSummary("4", "3", "1");
    WebElement shed = card("shed");
    assertThat(shed.getAttribute("data-status")).isEqualTo("unavailable");
    assertThat(shed.findElement(By.cssSelector(".error-code")).getText())
        .isEqualTo("NODE_UNREACHABLE");
    assertThat(shed.getText()).contains("Is the node running");
    for (String id : List.of("garage", "front-door", "garden")) {
      assertThat(card(id).getAttribute("data-status")).isEqualTo("ok");
    }
    awaitThumbnails(3);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aNodeThatStopsTurnsUnavailableAndComesBackWithItsPicture() throws Exception {
    signIn(TOKEN);
    awaitSummary("4", "3", "1");
    awaitThumbnails(3);
    MioProcess garden = webcams.get(2);
    int port = garden.port();

    garden.close();
    try {
      awaitSummary("4", "2", "2");
      assertThat(card("garden").getAttribute("data-status")).isEqualTo("unavailable");
      assertThat(card("garden").getText()).contains("NODE_UNREACHABLE", "No picture");
      assertThat(browser.text("#announcer")).contains("Garden is now Unavailable");
    } finally {
      webcams.set(2, webcam("Garden", port));
    }

    awaitSummary("4", "3", "1");
    awaitThumbnails(3);
    assertThat(card("garden").findElements(By.cssSelector(".thumb img"))).hasSize(1);
  }

  @Test
  void clickingANodeOpensItsLivePageInANewTab() {
    signIn(TOKEN);
    awaitSummary("4", "3", "1");

    WebElement link = card("garage").findElement(By.cssSelector("h2 a"));

    assertThat(link.getAttribute("href")).startsWith(webcams.getFirst().baseUrl());
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    assertThat(link.getAttribute("rel")).contains("noopener");
  }

  @Test
  void aWrongTokenSendsTheUserBackToThePrompt() {
    signIn("not-the-token");

    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findAll("#token-dialog").isEmpty()
        && browser.text("#token-error").contains("did not accept"));
    signIn(TOKEN);
    awaitSummary("4", "3", "1");
  }

  @Test
  void addingANodeWithABadUrlShowsTheErrorNextToTheField() {
    signIn(TOKEN);
    awaitSummary("4", "3", "1");
    browser.find("#add-node-button").click();
    browser.find("#node-name").sendKeys("Kitchen");

    browser.find("#node-url").sendKeys("ftp://kitchen.local");
    browser.find("#node-save").click();
    assertThat(browser.text("#node-url-error")).contains("http:// or https://");
    assertThat(browser.find("#node-url").getAttribute("aria-invalid")).isEqualTo("true");

    // Accepted by the page, refused by the hub: the hub's own message lands at the field.
    browser.find("#node-url").clear();
    browser.find("#node-url").sendKeys("http://192.168.1.20:8000/?x=1");
    browser.find("#node-save").click();
    await().atMost(Duration.ofSeconds(5))
        .until(() -> browser.text("#node-url-error").contains("query"));
    browser.screenshot("dashboard-add-error-desktop");

    browser.find("#node-url").sendKeys(Keys.ESCAPE);
    await().atMost(Duration.ofSeconds(5)).until(() -> !browser.find("#node-dialog").isDisplayed());
    assertThat(browser.findAll("[data-node-id=kitchen]")).isEmpty();
  }

  @Test
  void nodesCanBeAddedEditedAndDeleted() {
    signIn(TOKEN);
    awaitSummary("4", "3", "1");

    browser.find("#add-node-button").click();
    browser.find("#node-name").sendKeys("Attic");
    browser.find("#node-url").sendKeys(webcams.getFirst().baseUrl());
    browser.find("#node-labels").sendKeys("floor=2");
    browser.find("#node-save").click();
    awaitSummary("5", "4", "1");

    card("attic").findElement(By.cssSelector("[data-action=edit]")).click();
    await().atMost(Duration.ofSeconds(5)).until(() -> browser.find("#node-dialog").isDisplayed());
    assertThat(browser.find("#node-labels").getAttribute("value")).isEqualTo("floor=2");
    browser.find("#node-name").clear();
    browser.find("#node-name").sendKeys("Attic window");
    browser.find("#node-save").click();
    await().atMost(Duration.ofSeconds(10)).until(
        () -> card("attic").findElement(By.cssSelector("h2")).getText()
            .equals("Attic window"));

    card("attic").findElement(By.cssSelector("[data-action=remove]")).click();
    browser.find("#confirm-ok").click();
    awaitSummary("4", "3", "1");
    assertThat(browser.findAll("[data-node-id=attic]")).isEmpty();
  }

  @Test
  void theNodeDialogWorksFromTheKeyboardAlone() {
    signIn(TOKEN);
    awaitSummary("4", "3", "1");
    awaitThumbnails(3);
    assertThat(browser.layoutShift()).isLessThan(0.1);

    browser.find("#add-node-button").sendKeys(Keys.ENTER);
    assertThat(browser.focused()).isEqualTo("node-name");
    for (int i = 0; i < 12; i++) {
      browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      assertThat((Boolean) browser.js(
          "return document.getElementById('node-dialog').contains(document.activeElement)"))
          .as("focus stays in the dialog after %d tabs", i + 1).isTrue();
    }
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);

    await().atMost(Duration.ofSeconds(5)).until(() -> !browser.find("#node-dialog").isDisplayed());
    assertThat(browser.focused()).isEqualTo("add-node-button");
  }

  @Test
  void dashboardLooksRightOnPhoneAndDesktop() {
    signIn(TOKEN);
    awaitSummary("4", "3", "1");
    awaitThumbnails(3);
    browser.screenshot("dashboard-desktop");

    browser.viewport(Browser.PHONE).open(hub.baseUrl() + "/");
    awaitSummary("4", "3", "1");
    awaitThumbnails(3);
    browser.screenshot("dashboard-phone");
    Number overflow = (Number) browser.js(
        "return document.documentElement.scrollWidth - window.innerWidth");
    assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
    assertThat(browser.lowContrastTexts()).isEmpty();
    browser.darkMode(true);
    browser.screenshot("dashboard-phone-dark");
    assertThat(browser.lowContrastTexts()).isEmpty();
  }

  private void signIn(String token) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findAll("#token-input").isEmpty());
    browser.find("#token-input").sendKeys(token, Keys.ENTER);
  }

  private void awaitSummary(String total, String ok, String unavailable) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> browser.text("#sum-total").equals(total)
            && browser.text("#sum-ok").equals(ok)
            && browser.text("#sum-unavailable").equals(unavailable));
  }

  private void awaitThumbnails(int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) browser.js(
        "return [...document.querySelectorAll('.card .thumb img')]"
            + ".filter(i => i.complete && i.naturalWidth > 0).length")).intValue() >= count);
  }

  private WebElement card(String id) {
    return browser.find("[data-node-id='" + id + "']");
  }

  private static void register(String id, String name, String baseUrl) throws Exception {
    String body = """
        {"id":"%s","name":"%s","base_url":"%s","auth":{"type":"none"}}"""
        .formatted(id, name, baseUrl);
    HttpResponse<String> r = hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/nodes"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
