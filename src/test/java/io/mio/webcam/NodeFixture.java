package io.mio.webcam;

import io.mio.config.ConfigReader;
import io.mio.testing.ManualSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A webcam node in this JVM on a {@link ManualSource}, on a free loopback port. */
final class NodeFixture implements AutoCloseable {

  static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  final ManualSource source = new ManualSource();
  final WebcamNode node;

  NodeFixture(Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(Map.of("MIO_BIND_HOST", "127.0.0.1", "MIO_PORT", "0",
        "MIO_NODE_NAME", "test-cam"));
    all.putAll(env);
    ConfigReader r = ConfigReader.of(all, Map.of());
    WebcamConfig config = WebcamConfig.read(r);
    r.validate();
    node = WebcamNode.start(config, source);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + node.port() + pathAndQuery);
  }

  HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery);
  }

  HttpResponse<byte[]> send(String method, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(10)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  String text(String pathAndQuery) throws IOException, InterruptedException {
    return new String(get(pathAndQuery).body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    node.close();
  }
}
