package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.Browser;
import io.mio.testing.MioProcess;
import io.mio.testing.Ports;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A webcam announces itself to the hub; the operator approves it on the dashboard. */
@Tag("browser")
class DashboardApprovalIT {

  private static final String TOKEN = "approval-test-token-0123456789";
  private static final String SECRET = "approval-discovery-secret-0123";

  @TempDir
  Path data;
  private MioProcess hub;
  private MioProcess webcam;
  private Browser browser;

  @BeforeEach
  void start() throws Exception {
    hub = MioProcess.management().env("MIO_DATA_DIR", data.resolve("hub").toString())
        .env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8")
        .env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET).start();
    int port = Ports.free();
    webcam = MioProcess.webcam().port(port).env("MIO_CAMERA", "mock")
        .env("MIO_RESOLUTION", "640x360").env("MIO_FPS", "10").env("MIO_NODE_NAME", "Driveway")
        .env("MIO_DATA_DIR", data.resolve("webcam").toString())
        .env("MIO_DISCOVERY_MANAGEMENT_URL", hub.baseUrl())
        .env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET)
        .env("MIO_DISCOVERY_INTERVAL_SECONDS", "1")
        .env("MIO_DISCOVERY_ADVERTISE_URL", "http://127.0.0.1:" + port).start();
    browser = Browser.start(Browser.DESKTOP).open(hub.baseUrl() + "/");
    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findAll("#token-input").isEmpty());
    browser.find("#token-input").sendKeys(TOKEN, Keys.ENTER);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    webcam.close();
    hub.close();
  }

  @Test
  void anAnnouncedNodeWaitsForApprovalThenGoesLive() {
    WebElement card = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> browser.find(".card[data-status=pending]"), c -> c.isDisplayed());
    assertThat(browser.text("#sum-pending")).isEqualTo("1");
    assertThat(card.getText()).contains("Driveway", "Pending approval", "Waiting for approval");
    assertThat(card.findElements(By.cssSelector(".thumb img"))).isEmpty();
    browser.screenshot("dashboard-pending-desktop");

    String id = card.getAttribute("data-node-id");
    card.findElement(By.cssSelector("[data-action=approve]")).click();

    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "ok".equals(
        browser.find("[data-node-id='" + id + "']").getAttribute("data-status")));
    assertThat(browser.text("#sum-pending")).isEqualTo("0");
    assertThat(browser.text("#sum-ok")).isEqualTo("1");
    assertThat(browser.text("#announcer")).contains("Driveway is now OK");
    await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) browser.js(
        "return document.querySelectorAll('.card .thumb img').length")).intValue() == 1);
  }
}
