package io.mio;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * {@code mio healthcheck}: asks the local node's {@code /health} (or {@code /ready}) and exits 0
 * on HTTP 200, 1 otherwise, so container images need no curl. Without {@code MIO_PORT} it asks
 * the default port of {@code --mode}: 8000 for a webcam, 8001 for the hub.
 */
final class HealthCheck {

  /** The modes {@code --mode} accepts, with the port each listens on by default. */
  static final Map<String, Integer> DEFAULT_PORTS = Map.of("webcam", 8000, "management", 8001);

  private HealthCheck() {}

  static int run(ParseResult args, ConfigReader config, PrintWriter out, PrintWriter err) {
    String mode = args.matchedOptionValue("--mode", "webcam");
    if (!DEFAULT_PORTS.containsKey(mode)) {
      err.println("mio healthcheck: --mode must be webcam or management, got '" + mode + "'");
      return 2;
    }
    String url = url(args, config, mode);
    double timeout = args.matchedOptionValue("--timeout", 3.0);
    Duration limit = Duration.ofMillis((long) (timeout * 1000));
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(limit).build()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(limit).GET().build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        out.println("ok: " + url + " answered 200");
        return 0;
      }
      err.println("unhealthy: " + url + " answered " + response.statusCode() + " "
          + abbreviate(response.body()));
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("unhealthy: bad --url '" + url + "': " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("unhealthy: " + url + " did not answer: " + e);
      return 1;
    }
  }

  /** {@code --url}, else {@code /health} or {@code /ready} on MIO_PORT or the mode's port. */
  static String url(ParseResult args, ConfigReader config, String mode) {
    int port = config.integer(ConfigKeys.PORT, DEFAULT_PORTS.get(mode), 1, 65535);
    config.validate();
    String path = args.matchedOptionValue("--ready", false) ? "/ready" : "/health";
    return args.matchedOptionValue("--url", "http://127.0.0.1:" + port + path);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
