package io.mio.camera;

import io.mio.config.UrlCredentials;
import io.mio.camera.CameraStats.State;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a program that writes MJPEG to its standard output ({@code rpicam-vid}, {@code
 * ffmpeg}, anything the operator names), supervised: the program is restarted with backoff when
 * it exits, when it hangs (no frame within the frame-age limit) and when it writes only garbage.
 * Its standard error goes to the log. {@link #close} stops it and its whole process tree.
 *
 * <p>Threads: one platform supervisor thread owns the process for the source's lifetime (see
 * {@link ProcessTree} for why it must be a platform thread); per run, one thread reads frames
 * and calls the listener, one copies stderr. Fields written by several threads are volatile or
 * atomic; the process itself is touched only by the supervisor.
 */
public final class CommandSource implements FrameSource {

  private static final Logger LOG = LoggerFactory.getLogger(CommandSource.class);
  /** Runs in a row without a single frame before the camera counts as failed, not restarting. */
  private static final int FAILED_AFTER_RUNS = 3;
  private static final long POLL_NANOS = 100_000_000L;

  private final CameraCommand command;
  private final Supervision supervision;
  private final CameraStats stats = new CameraStats();
  private final AtomicLong nextId = new AtomicLong();
  private final AtomicBoolean restartRequested = new AtomicBoolean();
  private volatile CameraSettings settings;
  private volatile FrameListener listener;
  private volatile boolean closed;
  private volatile long lastFrameNanos;
  private volatile Thread supervisor;
  private volatile CommandRun current;
  /** Starts as the supervision's limit; the max_frame_age setting changes it at runtime. */
  private volatile Duration maxFrameAge;

  /**
   * Timing of the supervision.
   *
   * @param maxFrameAge a run without a frame for this long is restarted
   * @param maxFrameBytes larger frames are dropped
   * @param initialBackoff first delay before a restart, doubling up to {@code maxBackoff}
   * @param healthyAfter a run that delivered frames this long resets the backoff
   * @param stopGrace time between SIGTERM and SIGKILL when stopping the program
   */
  public record Supervision(Duration maxFrameAge, int maxFrameBytes, Duration initialBackoff,
      Duration maxBackoff, Duration healthyAfter, Duration stopGrace) {

    /** Backoff 0.5 s doubling to 30 s, reset after 60 s of health; 2 s to stop. */
    public static Supervision of(Duration maxFrameAge, int maxFrameBytes) {
      return new Supervision(maxFrameAge, maxFrameBytes, Duration.ofMillis(500),
          Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(2));
    }
  }

  public CommandSource(CameraCommand command, CameraSettings settings, Supervision supervision) {
    this.command = command;
    this.settings = settings;
    this.supervision = supervision;
    this.maxFrameAge = supervision.maxFrameAge();
  }

  @Override
  public void frameAgeLimit(Duration limit) {
    maxFrameAge = limit;
    wake(); // a shorter limit may already be exceeded
  }

  @Override
  public synchronized void start(FrameListener frameListener) {
    if (supervisor != null) {
      throw new IllegalStateException("camera source already started");
    }
    listener = frameListener;
    stats.state(State.STARTING);
    supervisor = Thread.ofPlatform().name("camera-supervisor").daemon().start(this::supervise);
  }

  @Override
  public String describe() {
    CameraSettings s = settings;
    return "command " + command.label() + " " + s.resolution() + "@" + s.fps();
  }

  @Override
  public CameraStats stats() {
    return stats;
  }

  /** Applies new settings by restarting the program with them; the listener stays. */
  @Override
  public void reconfigure(CameraSettings newSettings) {
    settings = newSettings;
    restart();
  }

  /** Stops the program and starts it again at once (no backoff). */
  @Override
  public void restart() {
    restartRequested.set(true);
    wake();
  }

  @Override
  public void close() {
    closed = true;
    wake();
    Thread thread = supervisor;
    if (thread != null && thread != Thread.currentThread()) {
      try {
        thread.join(supervision.stopGrace().plusSeconds(3));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stats.state(State.STOPPED);
  }

  /** The running program, for tests that check it is really gone. */
  Optional<ProcessHandle> process() {
    CommandRun run = current;
    return run == null ? Optional.empty() : Optional.of(run.process().toHandle());
  }

  private void supervise() {
    Backoff backoff = new Backoff(supervision.initialBackoff(), supervision.maxBackoff());
    int runsWithoutFrames = 0;
    while (!closed) {
      long framesBefore = stats.framesCaptured.get();
      long startedNanos = System.nanoTime();
      String why = runOnce();
      if (closed) {
        break;
      }
      boolean delivered = stats.framesCaptured.get() > framesBefore;
      runsWithoutFrames = delivered ? 0 : runsWithoutFrames + 1;
      if (delivered && System.nanoTime() - startedNanos >= supervision.healthyAfter().toNanos()) {
        backoff.reset();
      }
      scheduleRestart(why, backoff, runsWithoutFrames);
    }
    stats.state(State.STOPPED);
  }

  /** One run of the program, until it exits, hangs or is stopped; returns why it ended. */
  private String runOnce() {
    CameraSettings s = settings;
    CommandRun run;
    try {
      run = CommandRun.start(command.argv(s), supervision.maxFrameBytes(), stats, this::publish,
          "camera " + command.label());
    } catch (IOException e) {
      stats.lastError("cannot start " + command.label() + ": " + e.getMessage());
      return stats.lastError();
    }
    current = run;
    lastFrameNanos = System.nanoTime();
    run.readOutput(); // after the two lines above: a first frame must find them set
    LOG.info("camera started: command={} pid={} settings={}x{}@{}", command.label(), run.pid(),
        s.resolution().width(), s.resolution().height(), s.fps());
    String why = watch(run);
    run.stop(supervision.stopGrace());
    current = null;
    return why;
  }

  private String watch(CommandRun run) {
    run.process().onExit().thenRun(this::wake);
    while (true) {
      long maxAge = maxFrameAge.toNanos();
      if (closed) {
        return "closing";
      }
      if (restartRequested.getAndSet(false)) {
        return "restart requested";
      }
      if (!run.process().isAlive()) {
        run.awaitOutput();
        String last = run.lastStderr();
        return "exited with code " + run.process().exitValue()
            + (last.isEmpty() ? "" : " (" + last + ")");
      }
      long silent = System.nanoTime() - lastFrameNanos;
      if (silent > maxAge) {
        return "no frame for " + Duration.ofNanos(silent).toSeconds() + " s";
      }
      LockSupport.parkNanos(this, Math.min(POLL_NANOS, maxAge - silent + 1));
    }
  }

  private void scheduleRestart(String why, Backoff backoff, int runsWithoutFrames) {
    boolean requested = why.equals("restart requested");
    Duration delay = requested ? Duration.ZERO : backoff.next();
    stats.restarts.incrementAndGet();
    if (!requested) {
      stats.lastError(why);
    }
    stats.state(runsWithoutFrames >= FAILED_AFTER_RUNS || why.startsWith("cannot start")
        ? State.FAILED : State.RESTARTING);
    LOG.warn("camera {}: {}; restarting in {} ms (restart {}); check the camera and its command",
        command.label(), UrlCredentials.mask(why), delay.toMillis(), stats.restarts.get());
    sleep(delay);
  }

  /** Called on the reader thread for each complete frame. */
  private void publish(byte[] jpeg) {
    long now = System.nanoTime();
    lastFrameNanos = now;
    stats.framesCaptured.incrementAndGet();
    if (stats.state() != State.RUNNING) {
      stats.state(State.RUNNING);
      LOG.info("camera {}: first frame, running", command.label());
    }
    try {
      listener.onFrame(new Frame(nextId.incrementAndGet(), jpeg, System.currentTimeMillis(), now));
    } catch (RuntimeException e) {
      LOG.error("camera {}: frame listener failed; frame dropped", command.label(), e);
    }
  }

  /** Sleeps up to {@code delay}, waking early on close or a restart request. */
  private void sleep(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    while (!closed && !restartRequested.getAndSet(false)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      LockSupport.parkNanos(this, left);
    }
  }

  private void wake() {
    Thread thread = supervisor;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }
}
