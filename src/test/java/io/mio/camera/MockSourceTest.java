package io.mio.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.config.Resolution;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MockSourceTest {

  private static final Pattern COMMENT = Pattern.compile("mio frame=(\\d+) ts=(\\d+)");

  @ParameterizedTest
  @CsvSource({"1280,720", "640,480", "1920,1080", "16,16", "100,50", "1000,90"})
  void framesDecodeAtTheConfiguredSize(int width, int height) throws IOException {
    List<Frame> frames = capture(new CameraSettings(new Resolution(width, height), 30, 80), 5);

    for (Frame f : frames) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.jpeg()));
      assertThat(image).as("frame %d decodes", f.id()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(width);
      assertThat(image.getHeight()).isEqualTo(height);
    }
  }

  @Test
  void everyFrameCarriesItsIdAndCaptureTimeInAComment() {
    List<Frame> frames = capture(new CameraSettings(new Resolution(640, 360), 30, 70), 5);

    long previous = 0;
    for (Frame f : frames) {
      Matcher m = COMMENT.matcher(new String(f.jpeg(), StandardCharsets.ISO_8859_1));
      assertThat(m.find()).as("comment in frame %d", f.id()).isTrue();
      assertThat(Long.parseLong(m.group(1))).isEqualTo(f.id()).isGreaterThan(previous);
      assertThat(Long.parseLong(m.group(2))).isEqualTo(f.captureEpochMillis());
      previous = f.id();
    }
  }

  @Test
  void theBallMovesFromFrameToFrame() throws IOException {
    List<Frame> frames = capture(new CameraSettings(new Resolution(640, 480), 30, 80), 4);

    BufferedImage a = ImageIO.read(new ByteArrayInputStream(frames.get(0).jpeg()));
    BufferedImage b = ImageIO.read(new ByteArrayInputStream(frames.get(3).jpeg()));
    assertThat(differingPixels(a, b, 400, 480)).isGreaterThan(100);
  }

  @ParameterizedTest
  @CsvSource({"1280,720", "640,480", "320,240"})
  void theClockShowsTheSecondOfCapture(int width, int height) throws IOException {
    List<Frame> frames = capture(new CameraSettings(new Resolution(width, height), 30, 90), 40);
    MockPainter painter = new MockPainter(width, height, height, 16);
    int clockRows = painter.clockHeight();

    BufferedImage first = ImageIO.read(new ByteArrayInputStream(frames.getFirst().jpeg()));
    BufferedImage last = ImageIO.read(new ByteArrayInputStream(frames.getLast().jpeg()));
    assertThat(differingPixels(first, last, 0, clockRows)).as("the clock ticked").isPositive();
    for (Frame f : List.of(frames.getFirst(), frames.getLast())) {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(f.jpeg()));
      LocalTime second = LocalTime.ofInstant(Instant.ofEpochMilli(f.captureEpochMillis()),
          ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
      double error = Math.min(
          clockError(decoded, painter.base(second, 0), clockRows),
          clockError(decoded, painter.base(second.plusSeconds(1), 0), clockRows));
      // 11 added to hours, minutes and seconds changes at least the last digit of each
      LocalTime wrong = second.plusHours(11).plusMinutes(11).plusSeconds(11);
      assertThat(error).as("frame %d shows %s", f.id(), second)
          .isLessThan(clockError(decoded, painter.base(wrong, 0), clockRows) / 2);
    }
  }

  @Test
  void reconfigureSwitchesToTheNewSizeForTheSameListener() throws IOException {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    try (MockSource source = new MockSource(
        new CameraSettings(new Resolution(320, 240), 30, 80))) {
      source.start(frames::add);
      await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() >= 2);
      source.reconfigure(new CameraSettings(new Resolution(640, 480), 15, 60));
      int before = frames.size();
      await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() >= before + 2);

      BufferedImage last = ImageIO.read(new ByteArrayInputStream(frames.getLast().jpeg()));
      assertThat(last.getWidth()).isEqualTo(640);
      assertThat(source.describe()).isEqualTo("mock 640x480@15");
      assertThat(source.stats().restarts.get()).isEqualTo(1);
    }
  }

  @Test
  void closeStopsFramesAndReportsStopped() {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    MockSource source = new MockSource(new CameraSettings(new Resolution(160, 120), 30, 80));
    source.start(frames::add);
    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() >= 2);

    source.close();
    int after = frames.size();

    assertThat(source.stats().state()).isEqualTo(CameraStats.State.STOPPED);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
        .until(() -> frames.size() == after);
  }

  private static List<Frame> capture(CameraSettings settings, int count) {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    try (MockSource source = new MockSource(settings)) {
      source.start(frames::add);
      await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= count);
    }
    return frames.subList(0, count);
  }

  /** Mean absolute difference per channel over the clock's box (top left). */
  private static double clockError(BufferedImage a, BufferedImage b, int rows) {
    long sum = 0;
    int columns = a.getWidth() / 2;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift < 24; shift += 8) {
          sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
        }
      }
    }
    return sum / (3.0 * rows * columns);
  }

  private static int differingPixels(BufferedImage a, BufferedImage b, int fromY, int toY) {
    int n = 0;
    for (int y = fromY; y < toY; y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          n++;
        }
      }
    }
    return n;
  }
}
