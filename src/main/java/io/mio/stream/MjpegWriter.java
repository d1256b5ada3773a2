package io.mio.stream;

import io.mio.camera.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes frames as an MJPEG stream ({@code multipart/x-mixed-replace}) the way browsers,
 * ffmpeg, VLC, Home Assistant and OctoPrint read it: the body opens with the boundary line;
 * every part carries {@code Content-Type}, {@code Content-Length}, {@code X-Timestamp} (capture
 * time, epoch seconds with millis) and {@code X-Frame-Id}; a repeated frame also says
 * {@code X-Frame-Stale: true}. The next boundary line follows each JPEG in its own flushed
 * write, because browsers show a part only once the following boundary has arrived. CRLF
 * throughout. Not thread-safe: one writer per client.
 */
public final class MjpegWriter {

  /** Fixed, long and unusual enough never to be mistaken for JPEG content by boundary scanners. */
  public static final String BOUNDARY = "mio-frame-b7e41c";
  public static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

  private static final byte[] OPENING = ascii("--" + BOUNDARY + "\r\n");
  private static final byte[] NEXT_BOUNDARY = ascii("\r\n--" + BOUNDARY + "\r\n");

  private static final AtomicReference<PartHeader> LAST_HEADER = new AtomicReference<>();

  private final StreamSink sink;

  public MjpegWriter(StreamSink sink) {
    this.sink = sink;
  }

  /** Writes the opening boundary line; returns the number of bytes written. */
  public int open() throws IOException {
    sink.write(ByteBuffer.wrap(OPENING));
    return OPENING.length;
  }

  /** Writes one part and the boundary line after it; returns the number of bytes written. */
  public int write(Frame frame, boolean stale) throws IOException {
    byte[] headers = headers(frame, stale);
    sink.write(ByteBuffer.wrap(headers));
    // Wrapped, never copied: every client shares the frame's one array (sinks only read it).
    sink.write(ByteBuffer.wrap(frame.jpeg()));
    sink.write(ByteBuffer.wrap(NEXT_BOUNDARY));
    return headers.length + frame.jpeg().length + NEXT_BOUNDARY.length;
  }

  /**
   * The header block of one part, blank line included. Every client sends the same newest frame,
   * so the block is built once per frame and shared (read-only, like the JPEG), not once per
   * client; a race between writers only builds it twice.
   */
  static byte[] headers(Frame frame, boolean stale) {
    PartHeader last = LAST_HEADER.get();
    if (last != null && last.frame() == frame && last.stale() == stale) {
      return last.bytes();
    }
    byte[] built = build(frame, stale);
    LAST_HEADER.set(new PartHeader(frame, stale, built));
    return built;
  }

  private static byte[] build(Frame frame, boolean stale) {
    StringBuilder b = new StringBuilder(160)
        .append("Content-Type: image/jpeg\r\n")
        .append("Content-Length: ").append(frame.jpeg().length).append("\r\n")
        .append("X-Timestamp: ").append(epochSeconds(frame.captureEpochMillis())).append("\r\n")
        .append("X-Frame-Id: ").append(frame.id()).append("\r\n");
    if (stale) {
      b.append("X-Frame-Stale: true\r\n");
    }
    return ascii(b.append("\r\n").toString());
  }

  /** {@code 1700000000123} becomes {@code 1700000000.123}. */
  public static String epochSeconds(long epochMillis) {
    long millis = Math.floorMod(epochMillis, 1000L);
    String fraction = Long.toString(1000 + millis).substring(1);
    return Math.floorDiv(epochMillis, 1000L) + "." + fraction;
  }

  private record PartHeader(Frame frame, boolean stale, byte[] bytes) {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
