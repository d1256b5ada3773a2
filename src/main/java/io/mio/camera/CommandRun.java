package io.mio.camera;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run of a camera program: the process, a thread splitting its stdout into frames and a
 * thread copying its stderr to the log. A new run (new splitter, new threads) starts after every
 * restart, so nothing from a dead run leaks into the next.
 */
final class CommandRun {

  private static final Duration DRAIN = Duration.ofSeconds(1);

  private final ProcessTree tree;
  // Set once by start() on the supervisor thread, which alone reads them afterwards.
  private Thread reader;
  private Thread errors;
  private volatile String lastStderr = "";

  private CommandRun(ProcessTree tree) {
    this.tree = tree;
  }

  /**
   * Starts {@code argv}; its output is read once {@link #readOutput} is called. Must be called
   * from the supervisor's platform thread (see {@link ProcessTree}).
   */
  static CommandRun start(List<String> argv, int maxFrameBytes, CameraStats stats,
      Consumer<byte[]> frames, String subject) throws IOException {
    CommandRun run = new CommandRun(ProcessTree.start(argv));
    Process process = run.process();
    JpegSplitter splitter = new JpegSplitter(maxFrameBytes, stats, frames);
    run.reader = Thread.ofPlatform().name("camera-reader").daemon().unstarted(() -> {
      try (var in = process.getInputStream()) {
        splitter.readAll(in);
      } catch (IOException e) {
        // The pipe closed because the process was stopped: the run is over.
      }
    });
    StderrLog log = new StderrLog(subject, line -> {
      run.lastStderr = line;
      stats.lastError(line);
    });
    run.errors = Thread.ofPlatform().name("camera-stderr").daemon().unstarted(() -> {
      try (var in = process.getErrorStream()) {
        log.copy(in);
      } catch (IOException e) {
        // Same as above.
      }
    });
    return run;
  }

  /**
   * Starts reading the program's output; until then it waits in the pipe. Separate from
   * {@link #start} so that the caller can record the run before its first frame arrives.
   */
  void readOutput() {
    reader.start();
    errors.start();
  }

  /** The last line this run wrote to stderr, or "". */
  String lastStderr() {
    return lastStderr;
  }

  Process process() {
    return tree.process();
  }

  long pid() {
    return tree.pid();
  }

  /** After the process exited: lets the last frames and stderr lines through. */
  void awaitOutput() {
    join(reader);
    join(errors);
  }

  /** Stops the process tree and waits for both threads to finish. */
  void stop(Duration grace) {
    tree.stop(grace);
    awaitOutput();
  }

  private static void join(Thread thread) {
    try {
      thread.join(DRAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
