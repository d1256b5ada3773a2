package io.mio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw TCP listener that only counts the connections it accepts (and closes them), for tests
 * that must prove nothing connected: a refused SSRF target, a redirect that must not be followed.
 */
public final class CountingListener implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger accepted = new AtomicInteger();

  private CountingListener(ServerSocket socket) {
    this.socket = socket;
    Thread.ofVirtual().name("counting-listener-" + socket.getLocalPort()).start(this::acceptAll);
  }

  /** Listens on {@code address} (e.g. 127.0.0.1 or ::1), port chosen by the system. */
  public static CountingListener on(InetAddress address) {
    try {
      return new CountingListener(new ServerSocket(0, 50, address));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CountingListener onLoopback() {
    return on(InetAddress.getLoopbackAddress());
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try (Socket ignored = socket.accept()) {
        accepted.incrementAndGet();
      } catch (IOException e) {
        // Closed by close(): the loop ends.
      }
    }
  }
}
