package io.mio.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real shaded jar running as a child process, for integration tests. Output is captured line
 * by line (see {@link #log()}); {@link #close()} kills the process and all its descendants, so a
 * failed test never leaves a camera command behind.
 *
 * <pre>{@code
 * try (MioProcess node = MioProcess.webcam().env("MIO_CAMERA", "mock").start()) {
 *   HttpResponse<String> r = node.get("/health");
 * }
 * }</pre>
 */
public final class MioProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private MioProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    Thread.ofVirtual().name("mio-output-" + port).start(this::pump);
  }

  public static Builder webcam() {
    return new Builder("webcam");
  }

  public static Builder management() {
    return new Builder("management");
  }

  /** Any subcommand, e.g. {@code command("config", "check")}. */
  public static Builder command(String... args) {
    return new Builder(args);
  }

  /** Path of the shaded jar under test (failsafe passes it as {@code mio.jar}). */
  public static Path jar() {
    return Path.of(System.getProperty("mio.jar", "target/mio.jar")).toAbsolutePath();
  }

  /** The java binary running this test: the JDK 25 the build uses. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public URI uri(String pathAndQuery) {
    return URI.create(baseUrl() + pathAndQuery);
  }

  public Process process() {
    return process;
  }

  public long pid() {
    return process.pid();
  }

  /** Every line the process printed so far (stdout and stderr merged). */
  public List<String> log() {
    return List.copyOf(lines);
  }

  public String logText() {
    return String.join("\n", lines);
  }

  public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(5))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until GET {@code path} answers {@code status}. */
  public MioProcess awaitStatus(String path, int status, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
        .failFast("the process exited", () -> !process.isAlive())
        .until(() -> get(path).statusCode() == status);
    return this;
  }

  public MioProcess awaitReady() {
    return awaitStatus("/ready", 200, Duration.ofSeconds(20));
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  public int awaitExit(Duration atMost) throws InterruptedException {
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("process did not exit within " + atMost + "; log:\n" + logText());
    }
    return process.exitValue();
  }

  /** Kills with SIGKILL (no shutdown hook), descendants first. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    waitQuietly();
  }

  /** Asks for a clean stop with SIGTERM and waits for it. */
  public int stop(Duration atMost) throws InterruptedException {
    process.destroy();
    return awaitExit(atMost);
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private void waitQuietly() {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("[output closed: " + e + "]");
    }
  }

  /** Configures a process; nothing runs until {@link #start()}. */
  public static final class Builder {

    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx256m"));
    private List<String> prefix = List.of();
    private String java = javaBinary();
    private int port;
    private boolean awaitHealth = true;

    private Builder(String... args) {
      this.args.addAll(List.of(args));
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder arg(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    public Builder jvmArg(String arg) {
      jvmArgs.add(arg);
      return this;
    }

    /** Uses this port instead of a free one. */
    public Builder port(int fixed) {
      this.port = fixed;
      return this;
    }

    /** Runs the jar on another Java runtime, e.g. the jlink'ed one the container image ships. */
    public Builder java(Path binary) {
      this.java = binary.toString();
      return this;
    }

    /** Runs the command inside something, e.g. {@code ip netns exec lan-hub}. */
    public Builder prefix(String... command) {
      this.prefix = List.of(command);
      return this;
    }

    /** For commands that exit by themselves or must fail to start. */
    public Builder noWait() {
      this.awaitHealth = false;
      return this;
    }

    /** Starts the jar and, unless {@link #noWait()}, waits until {@code /health} answers 200. */
    public MioProcess start() throws IOException {
      int chosen = port != 0 ? port : Ports.free();
      List<String> command = new ArrayList<>(prefix);
      command.add(java);
      command.addAll(jvmArgs);
      command.add("-jar");
      command.add(jar().toString());
      command.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().keySet().removeIf(k -> k.startsWith("MIO_"));
      pb.environment().put("MIO_PORT", Integer.toString(chosen));
      pb.environment().putIfAbsent("MIO_BIND_HOST", "127.0.0.1");
      pb.environment().putAll(env);
      MioProcess started = new MioProcess(pb.start(), chosen);
      if (awaitHealth) {
        try {
          started.awaitStatus("/health", 200, Duration.ofSeconds(20));
        } catch (RuntimeException | Error e) {
          started.close();
          throw new AssertionError("mio did not become healthy; log:\n" + started.logText(), e);
        }
      }
      return started;
    }
  }
}
