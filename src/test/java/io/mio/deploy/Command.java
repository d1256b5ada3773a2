package io.mio.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An external tool (docker-compose, systemd-analyze, sh, shellcheck) run to completion with a
 * clean environment and a time limit, for the deployment tests. Stdout and stderr are kept
 * apart (stdout may be data to parse) and {@link Result#output()} joins them for messages.
 */
final class Command {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private final List<String> args;
  private final Map<String, String> env = new LinkedHashMap<>();
  private Path dir = Path.of("").toAbsolutePath();
  private String stdin = "";

  private Command(List<String> args) {
    this.args = args;
  }

  static Command of(String... args) {
    return new Command(List.of(args));
  }

  static Command of(List<String> args) {
    return new Command(List.copyOf(args));
  }

  /** True when {@code tool} is an executable somewhere on PATH. */
  static boolean installed(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  Command in(Path directory) {
    this.dir = directory;
    return this;
  }

  Command env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Command input(String text) {
    this.stdin = text;
    return this;
  }

  /** Runs the command; a command that outlives the limit is killed and fails the test. */
  Result run() {
    ProcessBuilder pb = new ProcessBuilder(args).directory(dir.toFile());
    // Only what the tools need: no MIO_*, COMPOSE_* or DOCKER_* from the developer's shell.
    Map<String, String> e = pb.environment();
    List<String> keep = new ArrayList<>(List.of("PATH", "HOME", "LANG", "TMPDIR"));
    e.keySet().removeIf(k -> !keep.contains(k));
    e.putAll(env);
    try {
      Process p = pb.start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(args + " did not finish within " + LIMIT);
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e1) {
      throw new UncheckedIOException("could not run " + args, e1);
    } catch (InterruptedException e2) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + args, e2);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How a command ended: its exit code and what it printed on each stream. */
  record Result(int exit, String stdout, String stderr) {

    /** Everything printed, stdout first. */
    String output() {
      return stdout + stderr;
    }

    @Override
    public String toString() {
      return "exit " + exit + ":\n" + output();
    }
  }
}
