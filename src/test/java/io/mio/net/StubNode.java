package io.mio.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real Jetty server on 127.0.0.1 that plays a webcam node with a scripted behaviour, and
 * remembers what each request carried (headers and body) so tests can check what the client sent.
 */
final class StubNode implements AutoCloseable {

  /** What the node does with one request; it must complete the callback (or fail it). */
  @FunctionalInterface
  interface Behaviour {
    void handle(Request request, Response response, Callback callback) throws Exception;
  }

  /** One request as the node saw it. */
  record Seen(String method, String path, HttpFields headers, String body) {}

  private final Server server = new Server();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  private StubNode(Behaviour behaviour) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        seen.add(new Seen(request.getMethod(), request.getHttpURI().getPathQuery(),
            HttpFields.build(request.getHeaders()).asImmutable(), body));
        behaviour.handle(request, response, callback);
        return true;
      }
    });
    server.start();
  }

  static StubNode start(Behaviour behaviour) throws Exception {
    return new StubNode(behaviour);
  }

  /** A node answering every request with {@code status} and a JSON body. */
  static StubNode json(int status, String json) throws Exception {
    return start((request, response, callback) -> answer(response, callback, status,
        "application/json", json));
  }

  /**
   * A node streaming {@code chunks} x 64 KB of JSON-typed filler without a Content-Length;
   * {@code outcome} becomes "completed" or "failed" (the client hung up).
   */
  static Behaviour streaming(int chunks, AtomicReference<String> outcome) {
    return (request, response, callback) -> {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      writeChunks(response, chunks, outcome, callback);
    };
  }

  private static void writeChunks(Response response, int left, AtomicReference<String> outcome,
      Callback done) {
    if (left == 0) {
      outcome.set("completed");
      response.write(true, ByteBuffer.allocate(0), done);
      return;
    }
    response.write(false, ByteBuffer.allocate(64 * 1024), Callback.from(
        () -> writeChunks(response, left - 1, outcome, done),
        failure -> {
          outcome.set("failed");
          done.failed(failure);
        }));
  }

  static void answer(Response response, Callback callback, int status, String type,
      String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  Server server() {
    return server;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
