package io.mio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, for tests of the web UI against the
 * real jar. Uses the system binaries only (no driver download); {@link #close()} ends both.
 *
 * <pre>{@code
 * try (Browser b = Browser.start(Browser.DESKTOP)) {
 *   b.open(node.baseUrl() + "/");
 *   b.screenshot("webcam-desktop");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

  /** A viewport: CSS pixels and whether the page should behave as on a phone. */
  public record Viewport(String name, int width, int height, boolean mobile) {}

  public static final Viewport PHONE = new Viewport("phone", 390, 844, true);
  public static final Viewport DESKTOP = new Viewport("desktop", 1440, 900, false);

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path downloads;

  private Browser(ChromeDriver driver, Path downloads) {
    this.driver = driver;
    this.downloads = downloads;
  }

  public static Browser start(Viewport viewport) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
          + "apt-get install -y chromium chromium-driver (or -Dtest.excludedGroups=browser)");
    }
    Path downloads = Files.createTempDirectory("mio-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
        "--window-size=" + viewport.width() + "," + viewport.height());
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    Browser browser = new Browser(new ChromeDriver(service, options), downloads);
    browser.viewport(viewport);
    return browser;
  }

  /** Sets the exact viewport (window sizes include browser chrome; this does not). */
  public Browser viewport(Viewport v) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", v.width(), "height", v.height(), "deviceScaleFactor", 1, "mobile", v.mobile()));
    return this;
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text(String css) {
    return find(css).getText();
  }

  /** Runs JavaScript in the page; {@code arguments[i]} are the args. */
  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public WebDriverWait waiting(Duration atMost) {
    return new WebDriverWait(driver, atMost);
  }

  /** Where Chromium saves downloads for this browser. */
  public Path downloads() {
    return downloads;
  }

  /** Saves a full-viewport PNG under target/screenshots and returns its path. */
  public Path screenshot(String name) {
    return save(name, driver.getScreenshotAs(OutputType.BYTES));
  }

  public Path screenshot(String name, WebElement element) {
    return save(name, element.getScreenshotAs(OutputType.BYTES));
  }

  /** Renders the page with the dark colour scheme (true) or the light one. */
  public Browser darkMode(boolean dark) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
        Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    return this;
  }

  /**
   * Visible text whose contrast with the background behind it is under 4.5:1 (WCAG AA), as
   * "text: ratio" lines. Backgrounds are composed up the ancestors; text drawn over a picture
   * is skipped (its backdrop is checked where it has one).
   */
  @SuppressWarnings("unchecked")
  public List<String> lowContrastTexts() {
    return (List<String>) js(LOW_CONTRAST);
  }

  private static final String LOW_CONTRAST = """
      const rgba = (s) => (s.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number).concat([1]).slice(0, 4);
      const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      const over = (top, below) => top.slice(0, 3)
        .map((c, i) => c * top[3] + below[i] * (1 - top[3])).concat([1]);
      function backdrop(el) {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
          if (e.tagName === 'IMG' || e.querySelector(':scope > img')) return null;
          const bg = rgba(getComputedStyle(e).backgroundColor);
          if (bg[3] > 0) layers.push(bg);
          if (bg[3] >= 1) break;
        }
        return layers.reverse().reduce((acc, l) => over(l, acc), [255, 255, 255, 1]);
      }
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!own || !el.checkVisibility() || el.closest('[aria-hidden=true]')) continue;
        const style = getComputedStyle(el);
        if (el.closest('button:disabled')) continue;
        const bg = backdrop(el);
        if (!bg) continue;
        const fg = over(rgba(style.color), bg);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a + 0.05) / (b + 0.05);
        if (ratio < 4.5) out.push(el.textContent.trim().slice(0, 40) + ': ' + ratio.toFixed(2));
      }
      return out;""";

  /**
   * The page's cumulative layout shift so far (Chromium's layout-shift entries, the Core Web
   * Vitals measure; under 0.1 counts as good): how much visible content jumped while loading.
   */
  public double layoutShift() {
    Object sum = driver.executeAsyncScript("""
        const done = arguments[0];
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => done(total), 100);""");
    return ((Number) sum).doubleValue();
  }

  /** The id of the element that has keyboard focus ("" for none). */
  public String focused() {
    return (String) js("return document.activeElement ? document.activeElement.id : ''");
  }

  /** Console messages at SEVERE (uncaught errors, failed loads) since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  private static Path save(String name, byte[] png) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
