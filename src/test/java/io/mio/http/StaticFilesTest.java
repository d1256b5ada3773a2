package io.mio.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFilesTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static WebServer server;

  @BeforeAll
  static void startServer() throws Exception {
    Router router = new Router();
    StaticFiles.fromClasspath("static-test").mount(router, "index.html");
    server = new WebServer("127.0.0.1", 0, Duration.ofSeconds(5), router).start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void servesFilesWithTheirContentTypeAndRevalidationHeaders() throws Exception {
    HttpResponse<String> css = get("/static/site.css", null);

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).isEqualTo("body{color:#111}\n");
    assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    assertThat(css.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(css.headers().firstValue("ETag")).hasValueSatisfying(
        tag -> assertThat(tag).matches("\"[0-9a-f]{24}\""));
  }

  @Test
  void servesTheIndexPageAtTheRootWithAContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).startsWith("<!doctype html>");
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(p -> assertThat(p).contains("default-src 'self'"));
  }

  @Test
  void answersNotModifiedWhenTheEtagStillMatches() throws Exception {
    String etag = get("/static/hello.txt", null).headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = get("/static/hello.txt", "\"other\", " + etag);
    HttpResponse<String> weak = get("/static/hello.txt", "W/" + etag);
    HttpResponse<String> stale = get("/static/hello.txt", "\"stale\"");

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    assertThat(weak.statusCode()).isEqualTo(304);
    assertThat(stale.statusCode()).isEqualTo(200);
  }

  @Test
  void answersJsonNotFoundForUnknownFiles() throws Exception {
    HttpResponse<String> missing = get("/static/nope.js", null);

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"code\":\"NOT_FOUND\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/static/../static-secret.txt",
      "/static/%2e%2e/static-secret.txt",
      "/static/%2E%2E%2Fstatic-secret.txt",
      "/static/..%2fstatic-secret.txt",
      "/static/..%5cstatic-secret.txt",
      "/static/..\\static-secret.txt",
      "/static/%252e%252e%252fstatic-secret.txt",
      "/static//static-secret.txt",
      "/static/static-test/../../static-secret.txt",
      "/static/.hidden",
      "/static/..",
      "/static/%00hello.txt",
      "/static/hello.txt%00.css",
      "/static/static-secret.txt",
      "/static-secret.txt",
      "/static/archunit.properties",
      "/static/../archunit.properties"})
  void neverServesAnythingOutsideItsFolder(String path) throws IOException {
    String response = rawGet(path);

    assertThat(response).doesNotContain("root-secret").doesNotContain("failOnEmptyShould");
    assertThat(statusOf(response)).as(path).isIn(400, 404);
  }

  @Test
  void refusesNamesThatAreNotOneSafeSegment() {
    StaticFiles files = StaticFiles.fromClasspath("static-test");

    assertThat(files.find("hello.txt")).isPresent();
    assertThat(files.find("..")).isEmpty();
    assertThat(files.find("../static-secret.txt")).isEmpty();
    assertThat(files.find(".hidden")).isEmpty();
    assertThat(files.find("a/b")).isEmpty();
    assertThat(files.find("")).isEmpty();
  }

  @Test
  void namesContentTypesByExtension() {
    assertThat(StaticFiles.contentType("app.js")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(StaticFiles.contentType("page.HTML")).isEqualTo("text/html; charset=utf-8");
    assertThat(StaticFiles.contentType("icon.svg")).isEqualTo("image/svg+xml");
    assertThat(StaticFiles.contentType("blob")).isEqualTo("application/octet-stream");
  }

  private static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends the path byte for byte, so no client library normalises it first. */
  private static String rawGet(String path) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int statusOf(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
