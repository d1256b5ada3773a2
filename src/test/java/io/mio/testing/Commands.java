package io.mio.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion with a time limit, for test fixtures. */
public final class Commands {

  private Commands() {}

  /** Exit code ({@code -1} when the time limit killed it) and stdout+stderr merged. */
  public record Result(int exitCode, String output) {

    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code command}; the process and its descendants are killed at {@code timeout}. */
  public static Result run(Duration timeout, String... command) {
    return run(timeout, null, List.of(command));
  }

  /** As {@link #run(Duration, String...)}, writing {@code stdin} (may be null) to its input. */
  public static Result run(Duration timeout, byte[] stdin, List<String> command) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompletableFuture<String> output = CompletableFuture.supplyAsync(
        () -> readAll(process.getInputStream()), Thread::startVirtualThread);
    try {
      writeStdin(process, stdin);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return new Result(-1, "timed out after " + timeout + ": " + output.getNow(""));
      }
      return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted running " + command, e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no output from " + command, e);
    }
  }

  private static void writeStdin(Process process, byte[] stdin) {
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    } catch (IOException e) {
      // The command exited without reading its input; its exit code tells the rest.
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "[output unreadable: " + e + "]";
    }
  }
}
