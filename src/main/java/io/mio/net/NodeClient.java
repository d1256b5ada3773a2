package io.mio.net;

import io.mio.net.NodeCallException.Code;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;

/**
 * The hub's only way to call webcam nodes. Every connection goes to an address the
 * {@link SsrfPolicy} vetted when the connection was made ({@link PinnedResolver}: the name is
 * resolved once per connection and only the vetted addresses are dialled); the {@code Host}
 * header and the TLS server name keep the host name; a 3xx is a failure, never followed; connect
 * time, total time and body size are capped. Every failure is a {@link NodeCallException} with a
 * stable {@link Code}.
 *
 * <pre>{@code
 * try (NodeClient nodes = new NodeClient(NodeClientSettings.read(config))) {
 *   NodeReply status = nodes.getJson("http://192.168.1.20:8000", "/api/status",
 *       NodeClient.bearer(token));
 *   String state = status.body().path("status").asString();     // "ok" or "degraded"
 * } catch (NodeCallException e) {
 *   throw new ApiException(e.code().httpStatus(), e.code().name(), e.getMessage(), e.details());
 * }
 * }</pre>
 *
 * <p>Thread-safe and meant to be shared: one client serves every call of the hub and pools
 * connections per node. Calls block the calling thread (a virtual thread is the intended caller)
 * until the answer or the total timeout; nothing is logged here, the caller logs.
 */
public final class NodeClient implements AutoCloseable {

  // Jetty's own timers normally end a call; this margin only guards against a lost callback.
  private static final Duration WAIT_MARGIN = Duration.ofSeconds(1);

  private final NodeClientSettings settings;
  private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;

  /** A client using the system resolver. */
  public NodeClient(NodeClientSettings settings) {
    this(settings, HostResolver.system());
  }

  /** A client using the given resolver (tests play DNS answers with it). */
  public NodeClient(NodeClientSettings settings, HostResolver resolver) {
    this.settings = settings;
    this.http = newHttpClient(new PinnedResolver(settings.policy(), resolver, lookups));
  }

  /** The value of an {@code Authorization} header carrying a bearer token. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** The value of an {@code Authorization} header for HTTP Basic. */
  public static String basic(String username, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public NodeClientSettings settings() {
    return settings;
  }

  /**
   * {@code GET baseUrl + path}, expecting 2xx and a JSON body.
   *
   * @param baseUrl the node's base URL, e.g. {@code http://192.168.1.20:8000} (may end in a path)
   * @param path starts with {@code /}, may carry a query
   * @param authorization the {@code Authorization} header value, or null for none
   */
  public NodeReply getJson(String baseUrl, String path, String authorization)
      throws NodeCallException {
    NodeTarget target = NodeFailures.target(baseUrl);
    long start = System.nanoTime();
    NodeResponse response = NodeAnswers.usable(
        call(HttpMethod.GET, target, path, authorization, null), target, path);
    return NodeAnswers.successJson(response, target, path, since(start));
  }

  /**
   * {@code POST baseUrl + path} with a JSON body, for forwarding actions. Any status except 3xx,
   * 401 and 403 comes back, so the caller can relay the node's own answer; a body, if any, must
   * be JSON.
   */
  public NodeReply postJson(String baseUrl, String path, String authorization, JsonNode body)
      throws NodeCallException {
    NodeTarget target = NodeFailures.target(baseUrl);
    long start = System.nanoTime();
    byte[] json = NodeAnswers.bytes(body);
    NodeResponse response = NodeAnswers.usable(
        call(HttpMethod.POST, target, path, authorization, json), target, path);
    return NodeAnswers.json(response, target, path, since(start));
  }

  /** {@code GET} of a resource that is not JSON (a snapshot); any status but 3xx/401/403. */
  public NodeResponse get(String baseUrl, String path, String authorization)
      throws NodeCallException {
    NodeTarget target = NodeFailures.target(baseUrl);
    return NodeAnswers.usable(call(HttpMethod.GET, target, path, authorization, null), target,
        path);
  }

  @Override
  public void close() {
    try {
      http.stop();
    } catch (Exception e) {
      throw new IllegalStateException("node client did not stop cleanly", e);
    } finally {
      lookups.close();
    }
  }

  private NodeResponse call(HttpMethod method, NodeTarget target, String path,
      String authorization, byte[] body) throws NodeCallException {
    // A bad path is the caller's bug, not the node's: it stays an IllegalArgumentException.
    URI url = target.resolve(path);
    Request request = http.newRequest(url).method(method).followRedirects(false)
        .timeout(settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .headers(h -> h.put(HttpHeader.ACCEPT, "application/json"));
    if (authorization != null) {
      request.headers(h -> h.put(HttpHeader.AUTHORIZATION, NodeFailures.headerValue(
          authorization)));
    }
    if (body != null) {
      request.body(new BytesRequestContent("application/json", body));
    }
    CappedResponseListener listener = new CappedResponseListener(settings.maxResponseBytes());
    request.send(listener);
    return await(listener.result(), request, target);
  }

  private NodeResponse await(CompletableFuture<NodeResponse> result, Request request,
      NodeTarget target) throws NodeCallException {
    Duration total = settings.totalTimeout();
    try {
      return result.get(total.plus(WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw NodeFailures.classify(e.getCause(), target, settings);
    } catch (TimeoutException e) {
      request.abort(e);
      throw NodeFailures.classify(e, target, settings);
    } catch (InterruptedException e) {
      request.abort(e);
      Thread.currentThread().interrupt();
      throw NodeFailures.classify(e, target, settings);
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private HttpClient newHttpClient(PinnedResolver resolver) {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("mio-node-client");
    HttpClient client = new HttpClient();
    client.setExecutor(threads);
    client.setSocketAddressResolver(resolver);
    client.setFollowRedirects(false);
    client.setConnectTimeout(settings.connectTimeout().toMillis());
    client.setIdleTimeout(Math.max(settings.totalTimeout().toMillis(), 30_000));
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "motion-in-ocean-hub"));
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("node client did not start", e);
    }
    // No redirect, authentication or upgrade handling, and no decompression: the size cap must
    // count the bytes the node sent, and a 3xx or 401 goes back to the caller untouched. Jetty
    // installs its defaults in start(), so they are removed after it.
    client.getProtocolHandlers().clear();
    client.getContentDecoderFactories().clear();
    return client;
  }
}
