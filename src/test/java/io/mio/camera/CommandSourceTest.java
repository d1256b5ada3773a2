package io.mio.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mio.camera.CameraStats.State;
import io.mio.config.Resolution;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Real programs (ffmpeg, sh scripts) under the supervisor. */
class CommandSourceTest {

  static final String FFMPEG =
      "ffmpeg -hide_banner -loglevel error -re -f lavfi -i testsrc2=size={width}x{height}:rate=15"
          + " -f mjpeg -q:v 5 -";
  private static final CameraSettings SETTINGS =
      new CameraSettings(new Resolution(640, 360), 15, 80);
  private static final CommandSource.Supervision FAST = new CommandSource.Supervision(
      Duration.ofSeconds(1), 8 << 20, Duration.ofMillis(100), Duration.ofMillis(400),
      Duration.ofSeconds(60), Duration.ofSeconds(1));

  @TempDir
  Path dir;
  private Path jpeg;
  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private CommandSource source;

  @BeforeEach
  void setUp() throws IOException {
    jpeg = Files.write(dir.resolve("frame.jpg"), TestJpegs.encode(64, 48, 7));
    log.start();
    ((Logger) LoggerFactory.getLogger(CommandSource.class)).addAppender(log);
  }

  @AfterEach
  void tearDown() {
    if (source != null) {
      source.close();
    }
    ((Logger) LoggerFactory.getLogger(CommandSource.class)).detachAppender(log);
  }

  @Test
  void deliversDecodableFramesFromFfmpeg() {
    source = start(new CameraCommand.Shell(FFMPEG), FAST);

    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 10);
    BufferedImage image = TestJpegs.decode(frames.getLast().jpeg());
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
    assertThat(frames).extracting(Frame::id).isSorted().doesNotHaveDuplicates();
    assertThat(source.stats().state()).isEqualTo(State.RUNNING);
    assertThat(source.describe()).isEqualTo("command ffmpeg 640x360@15");
  }

  @Test
  void restartsTheCommandWhenItExitsAndKeepsCountingFrameIds() {
    source = start(script("cat %1$s %1$s %1$s; echo 'sensor lost' >&2; exit 3"), FAST);

    await().atMost(Duration.ofSeconds(10)).until(() -> source.stats().restarts.get() >= 2);
    await().until(() -> frames.size() >= 6);
    assertThat(frames).extracting(Frame::id).isSorted().doesNotHaveDuplicates();
    assertThat(source.stats().lastError()).contains("exited with code 3", "sensor lost");
    assertThat(messages()).anyMatch(m -> m.contains("stderr: sensor lost"));
  }

  @Test
  void restartsACommandThatHangsAndKillsTheHungProcess() {
    source = start(script("cat %s; exec sleep 1000"), FAST);
    await().atMost(Duration.ofSeconds(5)).until(() -> source.process().isPresent()
        && frames.size() == 1);
    ProcessHandle hung = source.process().orElseThrow();

    await().atMost(Duration.ofSeconds(10)).until(() -> source.stats().restarts.get() >= 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> !hung.isAlive());
    assertThat(source.stats().lastError()).startsWith("no frame for");
  }

  @Test
  void aFrameAgeLimitChangedAtRuntimeAppliesToTheRunningCommand() {
    CommandSource.Supervision patient = new CommandSource.Supervision(Duration.ofSeconds(60),
        8 << 20, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(60),
        Duration.ofSeconds(1));
    source = start(script("cat %s; exec sleep 1000"), patient);
    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);

    source.frameAgeLimit(Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(10)).until(() -> source.stats().restarts.get() >= 1);
    assertThat(source.stats().lastError()).startsWith("no frame for");
  }

  @Test
  void restartsACommandThatWritesOnlyGarbageAndCountsIt() {
    source = start(script("while true; do echo 'not a jpeg'; sleep 0.05; done"), FAST);

    await().atMost(Duration.ofSeconds(15)).until(() -> source.stats().restarts.get() >= 3);
    assertThat(frames).isEmpty();
    assertThat(source.stats().garbageBytes.get()).isPositive();
    await().until(() -> source.stats().state() == State.FAILED);
  }

  @Test
  void reportsFailedWhenTheProgramCannotStart() {
    source = start(new CameraCommand.Args(List.of("/nonexistent/rpicam-vid")), FAST);

    await().atMost(Duration.ofSeconds(5)).until(() -> source.stats().state() == State.FAILED);
    assertThat(source.stats().lastError())
        .contains("cannot start rpicam-vid", "/nonexistent/rpicam-vid does not exist");
  }

  @Test
  void reconfigureRestartsWithTheNewResolutionAndKeepsTheListener() {
    source = start(new CameraCommand.Shell(FFMPEG), FAST);
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 2);

    source.reconfigure(new CameraSettings(new Resolution(320, 180), 15, 80));

    await().atMost(Duration.ofSeconds(10)).until(() -> TestJpegs.decode(frames.getLast().jpeg())
        .getWidth() == 320);
    assertThat(TestJpegs.decode(frames.getLast().jpeg()).getHeight()).isEqualTo(180);
    assertThat(source.describe()).isEqualTo("command ffmpeg 320x180@15");
  }

  @Test
  void closeStopsTheWholeProcessTree() {
    source = start(script("sleep 1000 & cat %s; exec sleep 1001"), FAST);
    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);
    ProcessHandle program = source.process().orElseThrow();
    List<ProcessHandle> tree = program.descendants().toList();
    assertThat(tree).isNotEmpty();

    source.close();

    assertThat(program.isAlive()).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(source.stats().state()).isEqualTo(State.STOPPED);
  }

  @Test
  void closeAsksPolitelyBeforeKilling() {
    source = start(script("trap 'echo stopping on TERM >&2; exit 0' TERM; cat %s;"
        + " while true; do sleep 0.1; done"), FAST);
    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);

    source.close();

    assertThat(messages()).anyMatch(m -> m.contains("stopping on TERM"));
  }

  @Test
  void closeKillsAProgramThatIgnoresSigterm() {
    source = start(script("trap '' TERM; cat %s; while true; do sleep 0.1; done"), FAST);
    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);
    ProcessHandle program = source.process().orElseThrow();

    long started = System.nanoTime();
    source.close();

    assertThat(program.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  private CommandSource start(CameraCommand command, CommandSource.Supervision supervision) {
    CommandSource s = new CommandSource(command, SETTINGS, supervision);
    s.start(frames::add);
    return s;
  }

  private CameraCommand script(String template) {
    return new CameraCommand.Args(List.of("/bin/sh", "-c", template.formatted(jpeg)));
  }

  private List<String> messages() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
