package io.mio;

import io.mio.management.ManagementConfig;
import io.mio.management.ManagementHub;
import io.mio.webcam.WebcamConfig;
import io.mio.webcam.WebcamNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code mio aot-train [--mode webcam|management]}: starts a mock webcam (and for management a
 * hub) on loopback ports the system picks, sends the requests a deployment sees (health,
 * readiness, status, metrics, snapshot, stream, pages; a node registration and the overview),
 * stops them and exits. Run as {@code java -XX:AOTCacheOutput=mio.aot -jar mio.jar aot-train},
 * the JVM records what this run loaded and linked into a JDK 25 AOT cache that later starts use
 * with {@code -XX:AOTCache=mio.aot} (docs/PERFORMANCE.md has the figures). One cache per mode
 * keeps it small: the whole cache is mapped into every process that uses it. State goes to a
 * temporary directory that is deleted afterwards; the process environment is not read.
 */
final class AotTraining {

  private static final String LOOPBACK = "127.0.0.1";
  private static final int STREAM_PARTS = 30;

  private AotTraining() {}

  static int run(String mode, PrintWriter out, PrintWriter err) {
    if (!mode.equals("webcam") && !mode.equals("management")) {
      err.println("aot-train: --mode is webcam or management, not '" + mode + "'");
      return 2;
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("mio-aot-train");
    } catch (IOException e) {
      err.println("aot-train: cannot create a temporary directory (java.io.tmpdir): " + e);
      return 1;
    }
    try (WebcamNode webcam = WebcamNode.start(Demo.settings(WebcamConfig::read, Map.of(
        "MIO_PORT", "0", "MIO_CAMERA", "mock", "MIO_RESOLUTION", "1280x720",
        "MIO_FPS", "30", "MIO_DATA_DIR", dir.resolve("webcam").toString())))) {
      exerciseWebcam(webcam.port());
      if (mode.equals("management")) {
        try (ManagementHub hub = ManagementHub.start(Demo.settings(ManagementConfig::read,
            Map.of("MIO_PORT", "0", "MIO_DATA_DIR", dir.resolve("hub").toString(),
                "MIO_NODE_ALLOWED_NETWORKS", "127.0.0.0/8")))) {
          exerciseHub(hub.port(), hub.token(), webcam.port());
        }
      }
      out.println("aot-train: done (" + mode + ")");
      return 0;
    } catch (Exception e) {
      err.println("aot-train: failed: " + e);
      return 1;
    } finally {
      deleteTree(dir);
    }
  }

  private static void exerciseWebcam(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (status(port, "GET", "/ready", null, null) != 200) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the mock webcam was not ready within 20 s");
      }
      Thread.sleep(50);
    }
    for (String path : List.of("/health", "/api/status", "/metrics", "/snapshot.jpg", "/",
        "/openapi.json", "/webcam/?action=snapshot", "/no-such-page")) {
      status(port, "GET", path, null, null);
    }
    status(port, "HEAD", "/stream.mjpg", null, null);
    readStream(port, STREAM_PARTS);
  }

  private static void exerciseHub(int port, String token, int webcamPort) throws IOException {
    String node = "{\"id\":\"trained-webcam\",\"name\":\"trained\",\"base_url\":\"http://"
        + LOOPBACK + ":" + webcamPort + "\"}";
    expect(201, status(port, "POST", "/api/v1/nodes", token, node));
    for (String path : List.of("/api/v1/nodes", "/api/v1/management/overview",
        "/api/v1/nodes/trained-webcam/status", "/health", "/metrics", "/")) {
      status(port, "GET", path, token, null);
    }
    status(port, "GET", "/api/v1/nodes", "wrong-token", null);
    expect(204, status(port, "DELETE", "/api/v1/nodes/trained-webcam", token, null));
  }

  private static void expect(int wanted, int got) throws IOException {
    if (got != wanted) {
      throw new IOException("expected HTTP " + wanted + ", got " + got);
    }
  }

  /** One HTTP/1.1 request on its own connection; returns the status code. */
  private static int status(int port, String method, String path, String token, String body)
      throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      send(s.getOutputStream(), method, path, token, body);
      byte[] answer = s.getInputStream().readAllBytes();
      String head = new String(answer, 0, Math.min(answer.length, 12), StandardCharsets.US_ASCII);
      return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
    }
  }

  private static void readStream(int port, int parts) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      send(s.getOutputStream(), "GET", "/stream.mjpg", null, null);
      InputStream in = s.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      int seen = 0;
      int n;
      while (seen < parts && (n = in.read(buffer)) > 0) {
        for (int i = 0; i + 1 < n; i++) {
          if (buffer[i] == (byte) 0xFF && buffer[i + 1] == (byte) 0xD9) {
            seen++;
          }
        }
      }
    }
  }

  private static void send(OutputStream out, String method, String path, String token,
      String body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder req = new StringBuilder(method).append(' ').append(path)
        .append(" HTTP/1.1\r\nHost: ").append(LOOPBACK).append("\r\nConnection: close\r\n");
    if (token != null) {
      req.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (body != null) {
      req.append("Content-Type: application/json\r\nContent-Length: ").append(content.length)
          .append("\r\n");
    }
    out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.write(content);
    out.flush();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("aot-train: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
