package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.testing.Browser;
import io.mio.testing.FlakyCamera;
import io.mio.testing.MioProcess;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webcam page in headless Chromium against the real jar on the mock or a test camera. */
@Tag("browser")
class WebcamPageIT {

  /** Draws the live <img> into a small canvas (same origin) and hashes the pixels. */
  private static final String SAMPLE_PICTURE = """
      const img = document.getElementById('stream');
      if (!img.naturalWidth) return null;
      const c = document.createElement('canvas');
      c.width = 64; c.height = 36;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0, 64, 36);
      const d = ctx.getImageData(0, 0, 64, 36).data;
      let hash = 0, light = 0;
      for (let i = 0; i < d.length; i++) { hash = (hash * 31 + d[i]) | 0; light += d[i]; }
      return hash + ':' + Math.round(light / d.length);
      """;

  @TempDir
  static Path data;
  private MioProcess node;
  private Browser browser;

  /** A node as the tests want it; the camera is added per test. */
  private static MioProcess.Builder webcam() {
    return MioProcess.webcam()
        .env("MIO_RESOLUTION", "640x360").env("MIO_FPS", "15")
        .env("MIO_MAX_FRAME_AGE_SECONDS", "2").env("MIO_NODE_NAME", "porch cam")
        .env("MIO_DATA_DIR", data.resolve("node").toString());
  }

  @BeforeEach
  void openPage() throws Exception {
    node = webcam().env("MIO_CAMERA", "mock").start().awaitReady();
    browser = Browser.start(Browser.DESKTOP).open(node.baseUrl() + "/");
    awaitBadge("ok");
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
    node.close();
  }

  @Test
  void liveImageShowsNewFramesOverTime() {
    Set<String> pictures = new HashSet<>();

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
      Object sample = browser.js(SAMPLE_PICTURE);
      if (sample != null) {
        pictures.add((String) sample);
      }
      return pictures.size() >= 4;
    });

    assertThat(pictures).allSatisfy(p -> assertThat(lightness(p)).isGreaterThan(20));
    assertThat(browser.js("return document.getElementById('stream').naturalWidth")).isEqualTo(640L);
    assertThat(browser.find("#stream-overlay").isDisplayed()).isFalse();
  }

  @Test
  void showsTheNodeNameAndLiveFigures() {
    // The page's own stream counts as a client once the next status poll sees it.
    await().atMost(Duration.ofSeconds(10))
        .until(() -> browser.text("#stat-clients").matches("[1-9]\\d* of \\d+"));

    assertThat(browser.text("#node-name")).isEqualTo("porch cam");
    assertThat(browser.text("#stat-resolution")).isEqualTo("640x360");
    assertThat(browser.text("#stat-fps")).matches("\\d+\\.\\d");
    assertThat(browser.text("#stat-uptime")).matches("\\d+[smhd].*");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void statusFollowsTheCameraDownAndBackUp() throws Exception {
    FlakyCamera camera = FlakyCamera.create(15);
    node.close();
    node = webcam().env("MIO_CAMERA", "command").env("MIO_CAMERA_COMMAND", camera.command())
        .start().awaitReady();
    browser.open(node.baseUrl() + "/");
    awaitBadge("ok");

    camera.breakDown(node);

    awaitBadge("degraded");
    assertThat(browser.text("#status-line")).isNotEqualTo("Streaming normally.").isNotBlank();
    assertThat(browser.text("#stream-overlay")).startsWith("No fresh picture");
    browser.screenshot("webcam-camera-down-desktop");

    camera.mend();
    awaitBadge("ok");
    assertThat(browser.text("#status-line")).isEqualTo("Streaming normally.");
    assertThat(browser.find("#stream-overlay").isDisplayed()).isFalse();
    assertPictureChanges();
  }

  @Test
  void reconnectsByItselfWhenTheNodeComesBack() throws Exception {
    int port = node.port();
    node.close();

    await().atMost(Duration.ofSeconds(15))
        .until(() -> browser.find("#stream-overlay").isDisplayed());
    assertThat(browser.text("#stream-overlay")).containsAnyOf("Reconnecting", "unreachable");
    awaitBadge("unavailable");
    assertThat(browser.text("#stat-fps")).isEqualTo("—");
    browser.screenshot("webcam-reconnecting-desktop");

    node = webcam().env("MIO_CAMERA", "mock").port(port).start().awaitReady();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> !browser.find("#stream-overlay").isDisplayed());
    awaitBadge("ok");
    assertPictureChanges();
  }

  @Test
  void nothingJumpsWhenTheFirstFiguresAndFramesArrive() {
    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.text("#stat-fps").equals("—"));

    assertThat(browser.layoutShift()).isLessThan(0.01);
  }

  @Test
  void snapshotButtonDownloadsAJpegNamedAfterTheNodeAndTime() throws Exception {
    browser.find("#snapshot-button").click();

    Path file = await().atMost(Duration.ofSeconds(10)).until(() -> downloaded(browser.downloads()),
        files -> files.size() == 1).getFirst();
    assertThat(file.getFileName().toString()).matches("porch-cam-\\d{8}-\\d{6}\\.jpg");
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
    assertThat(browser.text("#action-message")).startsWith("Saved porch-cam-");
  }

  @Test
  void pageLooksRightOnPhoneAndDesktop() {
    browser.screenshot("webcam-desktop");
    assertPictureFits();

    browser.viewport(Browser.PHONE);
    browser.open(node.baseUrl() + "/");
    awaitBadge("ok");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.js(SAMPLE_PICTURE) != null);
    browser.screenshot("webcam-phone");
    assertPictureFits();
    assertThat(browser.lowContrastTexts()).isEmpty();
    browser.darkMode(true);
    browser.screenshot("webcam-phone-dark");
    assertThat(browser.lowContrastTexts()).isEmpty();
  }

  private void assertPictureFits() {
    @SuppressWarnings("unchecked")
    List<Number> box = (List<Number>) browser.js("""
        const r = document.getElementById('video-box').getBoundingClientRect();
        return [r.left, r.right, r.bottom, window.innerWidth, window.innerHeight];""");
    assertThat(box.get(0).doubleValue()).isGreaterThanOrEqualTo(0);
    assertThat(box.get(1).doubleValue()).isLessThanOrEqualTo(box.get(3).doubleValue());
    assertThat(box.get(2).doubleValue()).isLessThanOrEqualTo(box.get(4).doubleValue());
    assertThat(box.get(1).doubleValue() - box.get(0).doubleValue())
        .isGreaterThan(box.get(3).doubleValue() * 0.6);
  }

  private void assertPictureChanges() {
    Set<String> pictures = new HashSet<>();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
      Object sample = browser.js(SAMPLE_PICTURE);
      if (sample != null) {
        pictures.add((String) sample);
      }
      return pictures.size() >= 3;
    });
  }

  private void awaitBadge(String status) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
        () -> status.equals(browser.find("#status-badge").getAttribute("data-status")));
  }

  private static int lightness(String sample) {
    return Integer.parseInt(sample.substring(sample.indexOf(':') + 1));
  }

  private static List<Path> downloaded(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".jpg")).toList();
    }
  }
}
