package io.mio;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * {@code mio healthcheck}: asks the local node's {@code /health} (or {@code /ready}) and exits 0
 * on HTTP 200, 1 otherwise, so container images need no curl. Without {@code MIO_PORT} it asks
 * the default port of {@code --mode}: 8000 for a webcam, 8001 for the hub. {@code --url} is a
 * base URL; the path is always {@code /health} or {@code /ready}.
 */
final class HealthCheck {

  /** The modes {@code --mode} accepts, with the port each listens on by default. */
  static final Map<String, Integer> DEFAULT_PORTS = Map.of("webcam", 8000, "management", 8001);

  /** The most of a response body that is read. */
  static final int BODY_LIMIT = 64 * 1024;

  private HealthCheck() {}

  static int run(ParseResult args, ConfigReader config, PrintWriter out, PrintWriter err) {
    String mode = args.matchedOptionValue("--mode", "webcam");
    if (!DEFAULT_PORTS.containsKey(mode)) {
      err.println("mio healthcheck: --mode must be webcam or management, got '" + mode + "'");
      return 2;
    }
    double timeout = args.matchedOptionValue("--timeout", 3.0);
    if (!(timeout > 0 && timeout <= 3600)) {
      err.println("mio healthcheck: --timeout must be more than 0 and at most 3600"
          + " seconds, got " + args.matchedOptionValue("--timeout", 3.0));
      return 2;
    }
    String url = url(args, config, mode);
    Duration limit = Duration.ofMillis(Math.max(1, (long) (timeout * 1000)));
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(limit).build()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(limit).GET().build();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body = head(response.body());
      if (response.statusCode() == 200) {
        out.println("ok: " + url + " answered 200");
        return 0;
      }
      err.println("unhealthy: " + url + " answered " + response.statusCode() + " "
          + abbreviate(body));
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("unhealthy: bad --url '" + url + "': " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("unhealthy: " + url + " did not answer: " + e);
      return 1;
    }
  }

  /**
   * {@code /health} (or {@code /ready}) under the base URL: {@code --url}, else the node's own
   * address: MIO_BIND_HOST when it names one address (a wildcard means loopback answers too),
   * on MIO_PORT or the mode's port.
   */
  static String url(ParseResult args, ConfigReader config, String mode) {
    int port = config.integer(ConfigKeys.PORT, DEFAULT_PORTS.get(mode), 1, 65535);
    String bind = config.string(ConfigKeys.BIND_HOST, "0.0.0.0");
    config.validate();
    String path = args.matchedOptionValue("--ready", false) ? "/ready" : "/health";
    String base = args.matchedOptionValue("--url", "http://" + host(bind) + ":" + port);
    return base.replaceAll("/+$", "") + path;
  }

  private static String host(String bind) {
    String h = bind.strip();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0")) {
      return "127.0.0.1";
    }
    return h.contains(":") ? "[" + h + "]" : h;
  }

  /** Reads at most {@link #BODY_LIMIT} bytes: a health answer is small, a wrong URL may not be. */
  private static String head(InputStream body) throws IOException {
    try (body) {
      return new String(body.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
