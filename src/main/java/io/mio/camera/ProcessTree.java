package io.mio.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a camera program so that it cannot outlive us, and stops it with its whole tree.
 *
 * <p>Two guards against orphans when the JVM dies without cleaning up (SIGKILL, OOM kill): the
 * program writes to a pipe whose reader is gone, so its next write fails (SIGPIPE/EPIPE) and it
 * exits; and where {@code setpriv} (util-linux) exists, the program is started through it with a
 * parent-death signal, which also ends a program that is silent. The parent-death signal fires
 * when the <em>thread</em> that started the process ends, so callers start processes from a
 * platform thread that lives as long as the process.
 */
final class ProcessTree {

  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private final Process process;

  private ProcessTree(Process process) {
    this.process = process;
  }

  /** Starts {@code argv} with stdin closed and stdout/stderr as pipes. */
  static ProcessTree start(List<String> argv) throws IOException {
    requireExecutable(argv.getFirst());
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETPRIV)) {
      command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
    }
    command.addAll(argv);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    return new ProcessTree(builder.start());
  }

  /** Fails with a clear message, instead of an exit code 127, when the program is missing. */
  private static void requireExecutable(String program) throws IOException {
    if (program.contains("/")) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new IOException(program + " does not exist or is not executable");
      }
      return;
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return;
      }
    }
    throw new IOException(program + " not found on PATH (" + path + ")");
  }

  Process process() {
    return process;
  }

  long pid() {
    return process.pid();
  }

  /**
   * Stops the program and every descendant: SIGTERM first so it can release the camera, SIGKILL
   * for whatever is still alive after {@code grace}. Returns once all are gone (or after a
   * further second in which the kernel failed to reap them).
   */
  void stop(Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, grace)) {
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, Duration.ofSeconds(1));
    }
  }

  private static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (Exception e) {
        return false;
      }
    }
    return true;
  }
}
