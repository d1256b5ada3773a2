package io.mio.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the MJPEG stream: N raw-socket clients on virtual threads, each parsing
 * parts and timing them. Not a test; run by {@code bench/run.sh}, which records its output in
 * docs/PERFORMANCE.md.
 *
 * <p>Usage: {@code StreamBench <host> <port> <clients> <warmupSeconds> <seconds> [serverPid]}.
 * Prints per-run figures: median and minimum fps across clients, capture-to-arrival latency
 * p50/p99 from the {@code X-Timestamp} part header, and the server's CPU and RSS from /proc.
 */
public final class StreamBench {

  private final String host;
  private final int port;
  private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile long windowStartNanos = Long.MAX_VALUE;
  private volatile long windowEndNanos = Long.MAX_VALUE;

  private StreamBench(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int clients = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    long pid = args.length > 5 ? Long.parseLong(args[5]) : -1;
    new StreamBench(host, port).run(clients, warmup, seconds, pid);
  }

  private void run(int clients, int warmup, int seconds, long pid) throws Exception {
    int[] frames = new int[clients];
    CountDownLatch done = new CountDownLatch(clients);
    long deadline = System.nanoTime() + (warmup + seconds + 5) * 1_000_000_000L;
    for (int i = 0; i < clients; i++) {
      int index = i;
      Thread.ofVirtual().start(() -> {
        try {
          frames[index] = readStream(deadline);
        } catch (IOException | RuntimeException e) {
          if (failures.incrementAndGet() == 1) {
            System.err.println("first failure: " + e);
          }
        } finally {
          done.countDown();
        }
      });
    }

    Thread.sleep(warmup * 1000L); // benchmark pacing, not synchronisation
    long cpuBefore = cpuTicks(pid);
    windowStartNanos = System.nanoTime();
    windowEndNanos = windowStartNanos + seconds * 1_000_000_000L;
    Thread.sleep(seconds * 1000L);
    long cpuAfter = cpuTicks(pid);
    String rss = procStatus(pid, "VmRSS");
    String hwm = procStatus(pid, "VmHWM");
    done.await();

    double[] fps = Arrays.stream(frames).mapToDouble(f -> f / (double) seconds).sorted().toArray();
    long[] lat = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT,
        "clients=%d seconds=%d fps_median=%.2f fps_min=%.2f failures=%d latency_p50_ms=%.1f "
            + "latency_p99_ms=%.1f server_cpu_pct_of_one_core=%.1f server_rss=%s server_rss_peak=%s%n",
        clients, seconds, percentile(fps, 50), fps.length == 0 ? 0 : fps[0], failures.get(),
        percentile(lat, 50) / 1000.0, percentile(lat, 99) / 1000.0,
        pid < 0 ? -1 : (cpuAfter - cpuBefore) * 100.0 / (100.0 * seconds), rss, hwm);
  }

  /** Reads parts until the deadline; returns how many arrived inside the measurement window. */
  private int readStream(long deadlineNanos) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /stream.mjpg HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream raw = new BufferedInputStream(socket.getInputStream(), 256 * 1024);
      String status = readLine(raw);
      if (status == null || !status.contains(" 200 ")) {
        throw new IOException("unexpected status: " + status);
      }
      boolean chunked = false;
      for (String h = readLine(raw); !h.isEmpty(); h = readLine(raw)) {
        chunked |= h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding: chunked");
      }
      InputStream in = chunked ? new Dechunker(raw) : raw;
      int counted = 0;
      while (System.nanoTime() < deadlineNanos) {
        if (readPart(in)) {
          counted++;
        }
      }
      return counted;
    }
  }

  /** Reads one part; true when it arrived inside the measurement window. */
  private boolean readPart(InputStream in) throws IOException {
    int length = -1;
    long stamp = -1;
    for (String line = readLine(in); ; line = readLine(in)) {
      if (line == null) {
        throw new IOException("stream ended");
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      } else if (lower.startsWith("x-timestamp:")) {
        stamp = (long) (Double.parseDouble(line.substring(12).trim()) * 1_000_000);
      } else if (line.isEmpty() && length >= 0) {
        break;
      }
    }
    in.skipNBytes(length);
    long nowMicros = System.currentTimeMillis() * 1000;
    long now = System.nanoTime();
    boolean inWindow = now >= windowStartNanos && now < windowEndNanos;
    if (inWindow && stamp > 0) {
      latenciesMicros.add(nowMicros - stamp);
    }
    return inWindow;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.isEmpty() ? null : sb.toString();
  }

  /** Removes HTTP/1.1 chunked framing, as a browser does before parsing the multipart body. */
  private static final class Dechunker extends InputStream {

    private final InputStream in;
    private long left;

    Dechunker(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (!nextChunk()) {
        return -1;
      }
      left--;
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!nextChunk()) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    private boolean nextChunk() throws IOException {
      while (left == 0) {
        String size = readLine(in);
        if (size == null) {
          return false;
        }
        if (!size.isEmpty()) {
          left = Long.parseLong(size.split(";")[0].trim(), 16);
          if (left == 0) {
            return false;
          }
        }
      }
      return true;
    }
  }

  private static double percentile(double[] sorted, int p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  private static double percentile(long[] sorted, int p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  /** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux). */
  static long cpuTicks(long pid) throws IOException {
    if (pid < 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static String procStatus(long pid, String field) throws IOException {
    if (pid < 0) {
      return "n/a";
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/" + pid + "/status")));
    return lines.stream().filter(l -> l.startsWith(field + ":"))
        .map(l -> l.substring(field.length() + 1).trim().replace(" ", "")).findFirst().orElse("?");
  }
}
