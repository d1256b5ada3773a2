package io.mio.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A one-shot HTTP client run as its own JVM inside a {@link Lan} namespace, because the test JVM
 * lives in the machine's own namespace and cannot reach the simulated hosts. Arguments: method,
 * URL, then headers as {@code "Name: value"}; the request body is read from stdin. Prints
 * {@code status <code>} and the body, or {@code error <what>} and exits 3.
 */
public final class LanFetch {

  private static final String STATUS = "status ";
  private static final String ERROR = "error ";

  private LanFetch() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    byte[] body = System.in.readAllBytes();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(args[1]))
        .timeout(Duration.ofSeconds(10))
        .method(args[0], body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 2; i < args.length; i++) {
      int colon = args[i].indexOf(':');
      request.header(args[i].substring(0, colon).strip(), args[i].substring(colon + 1).strip());
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.println(STATUS + response.statusCode());
      System.out.print(response.body());
    } catch (IOException e) {
      System.out.println(ERROR + e);
      System.exit(3);
    }
  }

  static LanHost.Fetched parse(Commands.Result result) {
    String output = result.output();
    int newline = output.indexOf('\n');
    String first = newline < 0 ? output : output.substring(0, newline);
    String rest = newline < 0 ? "" : output.substring(newline + 1);
    if (first.startsWith(STATUS)) {
      return new LanHost.Fetched(Integer.parseInt(first.substring(STATUS.length()).strip()),
          rest, null);
    }
    String error = first.startsWith(ERROR) ? first.substring(ERROR.length()) : output.strip();
    return new LanHost.Fetched(-1, "", error.isEmpty() ? "exit " + result.exitCode() : error);
  }
}
