package io.mio.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.mio.net.NodeCallException.Code;
import io.mio.testing.CountingListener;
import io.mio.testing.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The client against real Jetty nodes on loopback, with 127.0.0.0/8 explicitly allowed. */
class NodeClientTest {

  private static final SsrfPolicy LOOPBACK = SsrfPolicy.parse("127.0.0.0/8");
  private static final Duration TOTAL = Duration.ofSeconds(1);

  private final NodeClient client = new NodeClient(
      NodeClientSettings.of(LOOPBACK, TOTAL).withMaxResponseBytes(64 * 1024),
      new FixedResolver().map("cam.test", "127.0.0.1"));

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void readsAJsonStatusAndSendsTheCredentials() throws Exception {
    try (StubNode node = StubNode.json(200, "{\"status\":\"ok\",\"fps\":30}")) {
      NodeReply reply = client.getJson(node.baseUrl(), "/api/status", NodeClient.bearer("t0k"));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body().path("status").asString()).isEqualTo("ok");
      assertThat(reply.latency()).isPositive();
      StubNode.Seen seen = node.seen().getFirst();
      assertThat(seen.path()).isEqualTo("/api/status");
      assertThat(seen.headers().get(HttpHeader.AUTHORIZATION)).isEqualTo("Bearer t0k");
    }
  }

  @Test
  void keepsTheHostNameInTheHostHeaderWhileConnectingToThePinnedAddress() throws Exception {
    try (StubNode node = StubNode.json(200, "{}")) {
      client.getJson("http://cam.test:" + node.port(), "/api/status", null);

      assertThat(node.seen().getFirst().headers().get(HttpHeader.HOST))
          .isEqualTo("cam.test:" + node.port());
    }
  }

  @Test
  void neverFollowsARedirectAndNamesIt() throws Exception {
    try (CountingListener target = CountingListener.onLoopback();
        StubNode node = StubNode.start((request, response, callback) -> {
          response.getHeaders().put(HttpHeader.LOCATION,
              "http://127.0.0.1:" + target.port() + "/api/status");
          StubNode.answer(response, callback, 302, "application/json", "{}");
        })) {
      NodeCallException e = failure(() -> client.getJson(node.baseUrl(), "/api/status", null));

      assertThat(e.code()).isEqualTo(Code.NODE_INVALID_RESPONSE);
      assertThat(e.getMessage()).contains("answered 302 with a redirect to \"http://127.0.0.1:"
          + target.port() + "/api/status\"");
      assertThat(e.details()).containsEntry("reason", "redirect");
      assertThat(target.accepted()).isZero();
    }
  }

  @Test
  void refusesABodyDeclaredLargerThanTheCap() throws Exception {
    try (StubNode node = StubNode.json(200, "\"" + "x".repeat(100_000) + "\"")) {
      NodeCallException e = failure(() -> client.getJson(node.baseUrl(), "/api/status", null));

      assertThat(e.code()).isEqualTo(Code.NODE_INVALID_RESPONSE);
      assertThat(e.getMessage()).contains("exceeds 65536 bytes (Content-Length 100002)");
    }
  }

  @Test
  void stopsReadingAStreamedBodyAtTheCap() throws Exception {
    AtomicReference<String> outcome = new AtomicReference<>();
    try (StubNode node = StubNode.start(StubNode.streaming(1024, outcome))) {
      NodeCallException e = failure(() -> client.getJson(node.baseUrl(), "/api/status", null));

      assertThat(e.code()).isEqualTo(Code.NODE_INVALID_RESPONSE);
      assertThat(e.getMessage()).contains("exceeds 65536 bytes");
      // 1024 x 64 KB cannot fit in socket buffers: the node's write fails once the client quits.
      await().atMost(Duration.ofSeconds(10)).until(() -> outcome.get() != null);
      assertThat(outcome.get()).isEqualTo("failed");
    }
  }

  @Test
  void givesUpOnASlowNodeWithinTheTotalTimeout() throws Exception {
    try (StubNode node = StubNode.start((request, response, callback) -> request.getComponents()
        .getScheduler().schedule(() -> StubNode.answer(response, callback, 200,
            "application/json", "{}"), 10, TimeUnit.SECONDS))) {
      long start = System.nanoTime();
      NodeCallException e = failure(() -> client.getJson(node.baseUrl(), "/api/status", null));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(e.code()).isEqualTo(Code.NODE_TIMEOUT);
      assertThat(e.details()).containsEntry("reason", "total_timeout");
      assertThat(took).isLessThan(TOTAL.plusMillis(900));
    }
  }

  // A listener whose accept queue is full drops new SYNs (Linux), so connecting hangs like a
  // host that went away.
  @Test
  void givesUpConnectingAfterTheConnectTimeout() throws Exception {
    NodeClientSettings quick = new NodeClientSettings(LOOPBACK, Duration.ofMillis(300),
        Duration.ofSeconds(5), 1024);
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        NodeClient impatient = new NodeClient(quick)) {
      fillAcceptQueue(full.getLocalPort(), fillers);
      long start = System.nanoTime();
      NodeCallException e = failure(() -> impatient.getJson("http://127.0.0.1:"
          + full.getLocalPort(), "/api/status", null));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(e.code()).as(e.getMessage()).isEqualTo(Code.NODE_TIMEOUT);
      assertThat(e.details()).containsEntry("reason", "connect_timeout");
      assertThat(took).isLessThan(Duration.ofSeconds(2));
    } finally {
      for (Socket filler : fillers) {
        filler.close();
      }
    }
  }

  @Test
  void reportsAClosedPortAsUnreachable() {
    NodeCallException e = failure(() -> client.getJson("http://127.0.0.1:" + Ports.free(),
        "/api/status", null));

    assertThat(e.code()).isEqualTo(Code.NODE_UNREACHABLE);
    assertThat(e.details()).containsEntry("reason", "connection_refused");
  }

  // The positive control for every zero-connection assertion: an allowed call is counted.
  @Test
  void reportsANodeThatHangsUpAsUnreachableAndTheListenerCountsIt() throws Exception {
    try (CountingListener hangUp = CountingListener.onLoopback()) {
      NodeCallException e = failure(() -> client.getJson("http://127.0.0.1:" + hangUp.port(),
          "/api/status", null));

      assertThat(e.code()).as(e.getMessage()).isEqualTo(Code.NODE_UNREACHABLE);
      assertThat(hangUp.accepted()).isEqualTo(1);
    }
  }

  @Test
  void reportsRefusedCredentialsAsUnauthorized() throws Exception {
    for (int status : new int[] {401, 403}) {
      try (StubNode node = StubNode.json(status, "{\"error\":{}}")) {
        NodeCallException e = failure(() -> client.getJson(node.baseUrl(), "/api/status",
            NodeClient.basic("admin", "pw")));

        assertThat(e.code()).as(e.getMessage()).isEqualTo(Code.NODE_UNAUTHORIZED);
        assertThat(e.getMessage()).contains("answered " + status).doesNotContain("pw");
      }
    }
  }

  @Test
  void refusesAnythingButJsonForAStatus() throws Exception {
    try (StubNode html = StubNode.start((request, response, callback) -> StubNode.answer(
            response, callback, 200, "text/html", "<html></html>"));
        StubNode broken = StubNode.json(200, "{\"status\":");
        StubNode error = StubNode.json(500, "{}")) {
      assertThat(failure(() -> client.getJson(html.baseUrl(), "/api/status", null))
          .getMessage()).contains("sent \"text/html\" instead of application/json");
      assertThat(failure(() -> client.getJson(broken.baseUrl(), "/api/status", null))
          .getMessage()).contains("malformed JSON");
      assertThat(failure(() -> client.getJson(error.baseUrl(), "/api/status", null))
          .getMessage()).contains("answered 500 instead of 200");
    }
  }

  @Test
  void forwardsAnActionAndRelaysTheNodesOwnAnswer() throws Exception {
    try (StubNode busy = StubNode.json(409, "{\"error\":{\"code\":\"BUSY\"}}");
        StubNode accepted = StubNode.start((request, response, callback) -> {
          response.setStatus(202);
          callback.succeeded();
        })) {
      var body = JsonNodeFactory.instance.objectNode().put("reason", "test");

      NodeReply relayed = client.postJson(busy.baseUrl(), "/api/v1/actions/restart-camera",
          null, body);
      NodeReply empty = client.postJson(accepted.baseUrl(), "/api/v1/actions/restart-camera",
          null, body);

      assertThat(relayed.status()).isEqualTo(409);
      assertThat(relayed.body().path("error").path("code").asString()).isEqualTo("BUSY");
      assertThat(busy.seen().getFirst().body()).isEqualTo("{\"reason\":\"test\"}");
      assertThat(busy.seen().getFirst().method()).isEqualTo("POST");
      assertThat(empty.status()).isEqualTo(202);
      assertThat(empty.body().isMissingNode()).isTrue();
    }
  }

  private static void fillAcceptQueue(int port, List<Socket> fillers) throws IOException {
    for (int i = 0; i < 16; i++) {
      Socket socket = new Socket();
      fillers.add(socket);
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      } catch (SocketTimeoutException full) {
        return;
      }
    }
    throw new AssertionError("the accept queue never filled up");
  }

  private static NodeCallException failure(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    NodeCallException e = catchThrowableOfType(NodeCallException.class, call);
    assertThat(e).as("expected a NodeCallException").isNotNull();
    return e;
  }
}
