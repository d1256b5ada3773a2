package io.mio.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The embedded Jetty server with the two settings open streams need: a virtual-thread pool far
 * above Jetty's default of 200 concurrent tasks (each open stream holds one, so 200 streams would
 * starve {@code /health}) and an accept queue of 1024 (the default of about 50 makes a burst of
 * connects wait seconds on SYN retries).
 */
public final class WebServer implements AutoCloseable {

  /** Upper bound of concurrently served requests, streams included. */
  public static final int MAX_CONCURRENT_TASKS = 8192;
  public static final int ACCEPT_QUEUE = 1024;
  /**
   * Open connections beyond which the server stops accepting (they wait in the accept queue):
   * above the largest stream cap (2000) plus room for API calls, and below common file-handle
   * limits, so a flood of idle or slow connections cannot exhaust them.
   */
  public static final int MAX_CONNECTIONS = 3000;

  private final Server server;
  private final ServerConnector connector;

  public WebServer(String host, int port, Duration idleTimeout, Router router) {
    QueuedThreadPool platform = new QueuedThreadPool(16, 4);
    platform.setName("http");
    VirtualThreadPool virtual = new VirtualThreadPool(MAX_CONCURRENT_TASKS);
    virtual.setName("http-vt");
    platform.setVirtualThreadsExecutor(virtual);
    server = new Server(platform);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    connector.setReuseAddress(true);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    server.setErrorHandler(new JsonErrorHandler());
    server.setHandler(router);
    server.setStopTimeout(2_000);
  }

  public WebServer start() throws Exception {
    server.start();
    return this;
  }

  public int port() {
    return connector.getLocalPort();
  }

  public InetSocketAddress address() {
    String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
    return new InetSocketAddress(host, port());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
