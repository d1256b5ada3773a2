package io.mio.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.0 GET on a plain socket, for tests that must control how (and whether) a client
 * reads: its receive buffer, its pace, or not reading at all. HTTP/1.0 keeps the body free of
 * chunked encoding, so {@link #body()} is exactly what the server wrote.
 */
public final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;

  private RawHttp(Socket socket, int status, Map<String, String> headers) throws IOException {
    this.socket = socket;
    this.status = status;
    this.headers = headers;
    this.body = socket.getInputStream();
  }

  /** Connects, sends the request and reads the status line and headers. */
  public static RawHttp get(int port, String path, int receiveBuffer) throws IOException {
    Socket s = new Socket();
    try {
      s.setReceiveBufferSize(receiveBuffer);
      s.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return read(s);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Connects and sends the request without reading anything back. */
  public static Socket sendOnly(int port, String path, int receiveBuffer) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(receiveBuffer);
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
    s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    return s;
  }

  private static RawHttp read(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          h.substring(colon + 1).trim());
    }
    return new RawHttp(s, Integer.parseInt(parts[1]), headers);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed inside the response head");
      }
      if (b != '\r') {
        out.write(b);
      }
      if (out.size() > 8192) {
        throw new IOException("response head line too long");
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  public int status() {
    return status;
  }

  /** A response header by lower-case name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public InputStream body() {
    return body;
  }

  public Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
