package io.mio.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One host of a {@link Lan}: a network namespace with its LAN address. Commands run inside it
 * through {@code ip netns exec}; what they start dies with the {@link Lan}.
 */
public record LanHost(String namespace, String address) {

  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

  /** The command prefix that runs a program on this host, e.g. for {@code MioProcess.prefix}. */
  public String[] exec() {
    return new String[] {"ip", "netns", "exec", namespace};
  }

  /** Runs a command on this host to completion. */
  public Commands.Result run(Duration timeout, String... command) {
    return Commands.run(timeout, null, withPrefix(List.of(command)));
  }

  /**
   * Starts a long-running command on this host; its output goes to {@link #logFile()}. The
   * caller may stop it early; {@link Lan#close()} kills it in any case.
   */
  public Process start(String... command) {
    try {
      return new ProcessBuilder(withPrefix(List.of(command))).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Serves {@code directory} over HTTP on {@code address:port} of this host with the JDK's
   * {@code jwebserver}, which logs one line per request to {@link #logFile()}.
   */
  public Process serveDirectory(String address, int port, Path directory) {
    String jwebserver = Path.of(System.getProperty("java.home"), "bin", "jwebserver").toString();
    return start(jwebserver, "-b", address, "-p", Integer.toString(port), "-d",
        directory.toAbsolutePath().toString());
  }

  /** Where {@link #start} writes the output of this host's commands. */
  public Path logFile() {
    return Path.of(System.getProperty("java.io.tmpdir"), namespace + ".log");
  }

  /** An HTTP exchange made from this host, or the connection error. */
  public record Fetched(int status, String body, String error) {

    public boolean connected() {
      return error == null;
    }
  }

  /** GET {@code url} from this host (a JVM started inside the namespace makes the request). */
  public Fetched fetch(String url) {
    return fetch("GET", url, Map.of(), null);
  }

  /** Any request from this host; {@code body} (may be null) is sent as given. */
  public Fetched fetch(String method, String url, Map<String, String> headers, String body) {
    List<String> command = new ArrayList<>(List.of(MioProcess.javaBinary(), "-cp",
        testClasses(), LanFetch.class.getName(), method, url));
    headers.forEach((name, value) -> command.add(name + ": " + value));
    byte[] input = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    Commands.Result result = Commands.run(FETCH_TIMEOUT, input, withPrefix(command));
    return LanFetch.parse(result);
  }

  /** Waits until GET {@code url} from this host answers {@code status}. */
  public void awaitStatus(String url, int status, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(200))
        .until(() -> fetch(url).status() == status);
  }

  private List<String> withPrefix(List<String> command) {
    List<String> full = new ArrayList<>(List.of(exec()));
    full.addAll(command);
    return full;
  }

  private static String testClasses() {
    try {
      return Path.of(LanFetch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
