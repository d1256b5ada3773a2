package io.mio.testing;

import io.mio.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Calls a management hub's API with its bearer token and remembers every response, so a test
 * can check that no secret ever appeared in any of them ({@link #everything()}).
 */
public final class HubClient {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final String baseUrl;
  private final String token;
  private final List<HttpResponse<String>> seen = new ArrayList<>();

  public HubClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String path, String json, String ifMatch)
      throws IOException, InterruptedException {
    return send(withIfMatch(request(path), ifMatch).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> patch(String path, String json, String ifMatch)
      throws IOException, InterruptedException {
    return send(withIfMatch(request(path), ifMatch)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path, String ifMatch)
      throws IOException, InterruptedException {
    return send(withIfMatch(request(path), ifMatch).DELETE());
  }

  /** Sends a request built by the caller; the token is added unless the caller set one. */
  public HttpResponse<String> send(HttpRequest.Builder builder)
      throws IOException, InterruptedException {
    HttpRequest r = builder.build();
    if (r.headers().firstValue("Authorization").isEmpty() && token != null) {
      r = HttpRequest.newBuilder(r, (n, v) -> true).header("Authorization", "Bearer " + token)
          .build();
    }
    HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    seen.add(response);
    return response;
  }

  /** A request for a path of the hub, without body, 10 s timeout. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
  }

  /** Every status line, header and body received so far, as one text. */
  public String everything() {
    StringBuilder sb = new StringBuilder();
    for (HttpResponse<String> r : seen) {
      sb.append(r.statusCode()).append('\n').append(r.headers().map()).append('\n')
          .append(r.body()).append('\n');
    }
    return sb.toString();
  }

  public static JsonNode json(HttpResponse<String> r) {
    return Json.MAPPER.readTree(r.body());
  }

  /** JSON from single quotes, to keep bodies readable in tests. */
  public static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static HttpRequest.Builder withIfMatch(HttpRequest.Builder b, String ifMatch) {
    return ifMatch == null ? b : b.header("If-Match", ifMatch);
  }
}
