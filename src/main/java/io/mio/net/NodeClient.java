package io.mio.net;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

/**
 * The hub's only way to call webcam nodes. Every connection goes to an address the
 * {@link SsrfPolicy} vetted at connect time (see {@link PinnedResolver}); the {@code Host}
 * header and TLS name keep the host name; redirects are returned, never followed; connect time,
 * total time and body size are capped. It judges no status and parses no body.
 *
 * <p>Thread-safe: one client serves every call of the hub and pools connections per node. Calls
 * block the calling thread (a virtual thread is the intended caller) until the answer or the
 * total timeout.
 */
public final class NodeClient implements AutoCloseable {

  // Headers the client owns: letting a caller set them would undo pinning or framing.
  private static final Set<String> OWNED_HEADERS = Set.of("host", "content-length",
      "transfer-encoding", "connection", "upgrade", "te", "trailer", "expect", "keep-alive",
      "proxy-authorization", "proxy-connection");
  // Jetty's own timers normally end a call; this margin only guards against a lost callback.
  private static final Duration WAIT_MARGIN = Duration.ofSeconds(1);

  private final HttpClient http;
  private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
  private final Duration connectTimeout;
  private final Duration totalTimeout;
  private final int maxResponseBytes;

  /** A client using the system resolver. */
  public NodeClient(SsrfPolicy policy, Duration connectTimeout, Duration totalTimeout,
      int maxResponseBytes) {
    this(policy, connectTimeout, totalTimeout, maxResponseBytes, HostResolver.system());
  }

  /** A client using the given resolver (tests simulate DNS with it). */
  public NodeClient(SsrfPolicy policy, Duration connectTimeout, Duration totalTimeout,
      int maxResponseBytes, HostResolver resolver) {
    if (connectTimeout.isNegative() || connectTimeout.isZero()
        || totalTimeout.isNegative() || totalTimeout.isZero() || maxResponseBytes < 1) {
      throw new IllegalArgumentException("timeouts and the size cap must be positive, got connect="
          + connectTimeout + " total=" + totalTimeout + " maxResponseBytes=" + maxResponseBytes);
    }
    this.connectTimeout = connectTimeout;
    this.totalTimeout = totalTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.http = newHttpClient(new PinnedResolver(policy, resolver, lookups));
  }

  /** {@code GET baseUrl+path}; the answer as received, whatever its status. */
  public NodeResponse get(URI baseUrl, String path, Map<String, String> headers)
      throws NodeCallException {
    return call(HttpMethod.GET, baseUrl, path, headers, null);
  }

  /** {@code POST baseUrl+path} with a JSON body; the answer as received, whatever its status. */
  public NodeResponse post(URI baseUrl, String path, Map<String, String> headers,
      byte[] jsonBody) throws NodeCallException {
    return call(HttpMethod.POST, baseUrl, path, headers, jsonBody);
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

  private NodeResponse call(HttpMethod method, URI baseUrl, String path,
      Map<String, String> headers, byte[] body) throws NodeCallException {
    NodeTarget target = NodeFailures.target(baseUrl);
    URI url = target.resolve(path);
    Request request = http.newRequest(url).method(method).followRedirects(false)
        .timeout(totalTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .headers(h -> headers.forEach((name, value) -> h.put(checked(name, value), value)));
    if (body != null) {
      request.body(new BytesRequestContent("application/json", body));
    }
    CappedResponseListener listener = new CappedResponseListener(maxResponseBytes);
    request.send(listener);
    return await(listener.result(), request, target);
  }

  private NodeResponse await(CompletableFuture<NodeResponse> result, Request request,
      NodeTarget target) throws NodeCallException {
    try {
      return result.get(totalTimeout.plus(WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw NodeFailures.classify(e.getCause(), target, connectTimeout, totalTimeout);
    } catch (TimeoutException e) {
      request.abort(e);
      throw NodeFailures.classify(e, target, connectTimeout, totalTimeout);
    } catch (InterruptedException e) {
      request.abort(e);
      Thread.currentThread().interrupt();
      throw NodeFailures.classify(e, target, connectTimeout, totalTimeout);
    }
  }

  private static String checked(String name, String value) {
    if (OWNED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("header " + name + " is set by the node client");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header " + name + " must not contain line breaks");
    }
    return name;
  }

  private HttpClient newHttpClient(PinnedResolver resolver) {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("mio-node-client");
    HttpClient client = new HttpClient();
    client.setExecutor(threads);
    client.setSocketAddressResolver(resolver);
    client.setFollowRedirects(false);
    client.setConnectTimeout(connectTimeout.toMillis());
    client.setIdleTimeout(Math.max(totalTimeout.toMillis(), 30_000));
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "motion-in-ocean-hub"));
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    // No redirect, authentication or upgrade handling, and no decompression: the size cap must
    // count the bytes the node sent, and a 3xx or 401 goes back to the caller untouched.
    client.getProtocolHandlers().clear();
    client.getContentDecoderFactories().clear();
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("node client did not start", e);
    }
    return client;
  }
}
