package io.mio.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Many stand-in webcams in one Jetty server, one connector (port) each on 127.0.0.1, all
 * answering {@code GET /api/status} with {@code {"status":"ok",...}}. For fleet-size tests
 * where starting dozens of real webcam processes would only measure the machine.
 */
public final class StatusStubs implements AutoCloseable {

  private static final byte[] STATUS = ("{\"status\":\"ok\",\"reason\":null,\"mode\":\"webcam\","
      + "\"stream_available\":true,\"fps\":30.0}").getBytes(StandardCharsets.UTF_8);

  private final Server server = new Server();
  private final List<ServerConnector> connectors = new ArrayList<>();

  private StatusStubs(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      ServerConnector c = new ServerConnector(server, 1, 1);
      c.setHost("127.0.0.1");
      c.setPort(0);
      server.addConnector(c);
      connectors.add(c);
    }
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        boolean status = request.getHttpURI().getPath().equals("/api/status");
        response.setStatus(status ? 200 : 404);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(status ? STATUS : "{}".getBytes(
            StandardCharsets.UTF_8)), callback);
        return true;
      }
    });
    server.start();
  }

  public static StatusStubs start(int count) throws Exception {
    return new StatusStubs(count);
  }

  /** The base URL of every stand-in, e.g. {@code http://127.0.0.1:41234}. */
  public List<String> baseUrls() {
    return connectors.stream().map(c -> "http://127.0.0.1:" + c.getLocalPort()).toList();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
