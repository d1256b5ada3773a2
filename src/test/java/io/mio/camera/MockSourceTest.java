package io.mio.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mio.camera.CameraStats.State;
import io.mio.config.Resolution;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MockSourceTest {

  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private MockSource source;

  @AfterEach
  void tearDown() {
    if (source != null) {
      source.close();
    }
  }

  @ParameterizedTest
  @CsvSource({"1280,720", "640,480", "333,177", "16,16"})
  void framesDecodeAtTheConfiguredSize(int width, int height) {
    source = start(width, height, 30);

    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 3);
    for (Frame frame : frames.subList(0, 3)) {
      BufferedImage image = TestJpegs.decode(frame.jpeg());
      assertThat(image.getWidth()).isEqualTo(width);
      assertThat(image.getHeight()).isEqualTo(height);
    }
    assertThat(source.stats().state()).isEqualTo(State.RUNNING);
    assertThat(source.describe()).isEqualTo("mock " + width + "x" + height + "@30");
  }

  @Test
  void everyFrameCarriesItsIdAndCaptureTimeInAComment() {
    source = start(640, 360, 30);

    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 10);
    long previous = 0;
    for (Frame frame : frames.subList(0, 10)) {
      assertThat(TestJpegs.comment(frame.jpeg()))
          .isEqualTo("mio frame=" + frame.id() + " ts=" + frame.captureEpochMillis());
      assertThat(frame.id()).isGreaterThan(previous);
      previous = frame.id();
    }
  }

  @Test
  void theBallMovesBetweenFrames() {
    source = start(640, 360, 30);

    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 3);
    BufferedImage first = TestJpegs.decode(frames.get(1).jpeg());
    BufferedImage second = TestJpegs.decode(frames.get(2).jpeg());
    int changed = 0;
    for (int y = 180; y < 300; y += 2) {
      for (int x = 0; x < 640; x += 2) {
        changed += differs(first.getRGB(x, y), second.getRGB(x, y)) ? 1 : 0;
      }
    }
    assertThat(changed).as("pixels that changed in the ball's band").isGreaterThan(50);
  }

  @Test
  void producesFramesAtRoughlyTheConfiguredRate() {
    long started = System.nanoTime();
    source = start(320, 240, 20);

    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 20);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    assertThat(elapsed).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
  }

  @Test
  void reconfigureChangesTheSizeAndKeepsTheListener() {
    source = start(320, 240, 30);
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 2);

    source.reconfigure(new CameraSettings(new Resolution(640, 480), 15, 70));

    await().atMost(Duration.ofSeconds(10))
        .until(() -> TestJpegs.decode(frames.getLast().jpeg()).getWidth() == 640);
    assertThat(source.describe()).isEqualTo("mock 640x480@15");
  }

  @Test
  void restartCountsAndKeepsProducing() {
    source = start(320, 240, 30);
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 2);

    source.restart();

    int before = frames.size();
    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() > before + 2);
    assertThat(source.stats().restarts.get()).isEqualTo(1);
  }

  @Test
  void closeStopsTheFrames() {
    source = start(320, 240, 30);
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 2);

    source.close();

    int after = frames.size();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
        .until(() -> frames.size() == after);
    assertThat(source.stats().state()).isEqualTo(State.STOPPED);
  }

  @Test
  void splicedFramesShowTheSamePictureAsFullyRenderedOnes() {
    CameraSettings settings = new CameraSettings(new Resolution(640, 360), 30, 80);
    long time = 1_700_000_000_123L;
    try (MockFrames spliced = MockSource.frames(settings);
        MockFrames rendered = new RenderedFrames(settings)) {
      assertThat(spliced).isInstanceOf(SplicedFrames.class);
      BufferedImage a = TestJpegs.decode(spliced.frame(7, time));
      BufferedImage b = TestJpegs.decode(rendered.frame(7, time));

      int differing = 0;
      for (int y = 0; y < 360; y++) {
        for (int x = 0; x < 640; x++) {
          differing += differs(a.getRGB(x, y), b.getRGB(x, y)) ? 1 : 0;
        }
      }
      assertThat(differing).as("pixels that differ").isLessThan(640 * 360 / 200);
    }
  }

  @Test
  void tinyPicturesAreRenderedInFull() {
    try (MockFrames frames = MockSource.frames(
        new CameraSettings(new Resolution(32, 32), 30, 80))) {
      assertThat(frames).isInstanceOf(RenderedFrames.class);
    }
  }

  private MockSource start(int width, int height, int fps) {
    MockSource s = new MockSource(new CameraSettings(new Resolution(width, height), fps, 80));
    s.start(frames::add);
    return s;
  }

  private static boolean differs(int a, int b) {
    int d = Math.abs((a & 0xFF) - (b & 0xFF)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
        + Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF));
    return d > 60;
  }
}
