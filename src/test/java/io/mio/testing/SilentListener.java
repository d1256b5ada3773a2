package io.mio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener that accepts connections and never answers, counting them: a node that hangs,
 * or a target that must see zero connections (SSRF tests). Connections are held open until
 * {@link #close()}.
 */
public final class SilentListener implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private SilentListener(ServerSocket socket) {
    this.socket = socket;
    Thread.ofVirtual().name("silent-" + socket.getLocalPort()).start(this::acceptForever);
  }

  /** Listens on a free port of {@code address} (e.g. 127.0.0.1). */
  public static SilentListener on(String address) {
    try {
      return new SilentListener(new ServerSocket(0, 200, InetAddress.getByName(address)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Connections accepted so far. */
  public int connections() {
    return accepted.get();
  }

  private void acceptForever() {
    while (!socket.isClosed()) {
      try {
        held.add(socket.accept());
        accepted.incrementAndGet();
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
