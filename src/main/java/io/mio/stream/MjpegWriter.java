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
 * {@code X-Frame-Stale: true}. The next boundary line goes out in the same write as the JPEG
 * it follows, because browsers show a part only once the following boundary has arrived. CRLF
 * throughout. Not thread-safe: one writer per client.
 */
public final class MjpegWriter {

  /** Fixed, long and unusual enough never to be mistaken for JPEG content by boundary scanners. */
  public static final String BOUNDARY = "mio-frame-b7e41c";
  public static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

  private static final byte[] OPENING = ascii("--" + BOUNDARY + "\r\n");
  private static final byte[] NEXT_BOUNDARY = ascii("\r\n--" + BOUNDARY + "\r\n");

  /** JPEGs up to this size are sent joined with their headers and boundary in one write. */
  static final int MAX_JOINED_JPEG = 512 * 1024;

  private static final AtomicReference<Part> LAST_PART = new AtomicReference<>();

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
    if (frame.jpeg().length > MAX_JOINED_JPEG) {
      byte[] headers = build(frame, stale);
      sink.write(ByteBuffer.wrap(headers));
      // Wrapped, never copied: every client shares the frame's one array (sinks only read it).
      sink.write(ByteBuffer.wrap(frame.jpeg()));
      sink.write(ByteBuffer.wrap(NEXT_BOUNDARY));
      return headers.length + frame.jpeg().length + NEXT_BOUNDARY.length;
    }
    byte[] part = part(frame, stale);
    // Wrapped, never copied: every client shares the part's one array (sinks only read it).
    sink.write(ByteBuffer.wrap(part));
    return part.length;
  }

  /**
   * One part as sent: header block, JPEG and the next boundary line, so that a client gets the
   * whole part, boundary included, in a single write (one system call rather than three). Every
   * client sends the same newest frame, so the part is built once per frame and shared
   * (read-only), not once per client; a race between writers only builds it twice. The part is a
   * copy of the JPEG, and a stalled client holds both its part and its frame until the write
   * timeout, so frames over {@link #MAX_JOINED_JPEG} go out as three writes of the frame's own
   * array instead: for them three system calls cost little and a second copy a lot.
   */
  static byte[] part(Frame frame, boolean stale) {
    Part last = LAST_PART.get();
    if (last != null && last.frame() == frame && last.stale() == stale) {
      return last.bytes();
    }
    byte[] headers = build(frame, stale);
    byte[] jpeg = frame.jpeg();
    byte[] built = new byte[headers.length + jpeg.length + NEXT_BOUNDARY.length];
    System.arraycopy(headers, 0, built, 0, headers.length);
    System.arraycopy(jpeg, 0, built, headers.length, jpeg.length);
    System.arraycopy(NEXT_BOUNDARY, 0, built, headers.length + jpeg.length,
        NEXT_BOUNDARY.length);
    LAST_PART.set(new Part(frame, stale, built));
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

  private record Part(Frame frame, boolean stale, byte[] bytes) {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
