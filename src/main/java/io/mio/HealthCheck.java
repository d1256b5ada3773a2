package io.mio;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine.ParseResult;

/**
 * {@code mio healthcheck}: asks the local node's {@code /health} (or {@code /ready}) and exits 0
 * on HTTP 200, 1 otherwise, so container images need no curl.
 */
final class HealthCheck {

  private HealthCheck() {}

  static int run(ParseResult args, ConfigReader config, PrintWriter out, PrintWriter err) {
    int port = config.integer(ConfigKeys.PORT, 8000, 1, 65535);
    config.validate();
    boolean ready = args.matchedOptionValue("--ready", false);
    double timeout = args.matchedOptionValue("--timeout", 3.0);
    String path = ready ? "/ready" : "/health";
    String url = args.matchedOptionValue("--url", "http://127.0.0.1:" + port + path);
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

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
