package io.mio.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict byte-level reader of our MJPEG streams, for tests: every deviation from the format
 * (missing boundary, bare LF, missing or wrong header, Content-Length that is not the JPEG's
 * length, data that is not FFD8..FFD9) is an {@link AssertionError} naming the part and the bytes.
 * Header names are matched case-insensitively, values exactly.
 */
public final class MjpegParser {

  /** One part: its headers (lower-case names) and its JPEG. */
  public record Part(int index, Map<String, String> headers, byte[] jpeg) {

    public long frameId() {
      return Long.parseLong(headers.get("x-frame-id"));
    }

    public boolean stale() {
      return "true".equals(headers.get("x-frame-stale"));
    }

    public double timestamp() {
      return Double.parseDouble(headers.get("x-timestamp"));
    }
  }

  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{10,}\\.[0-9]{3}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  /** A part header block is small; anything longer means we lost sync. */
  private static final int MAX_HEADER_LINE = 200;

  private final InputStream in;
  private final byte[] boundaryLine;
  private int parts;

  /** Reads from {@code in} (the response body) and checks the opening boundary at once. */
  public MjpegParser(InputStream in, String boundary) throws IOException {
    this.in = in;
    this.boundaryLine = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    expect(line(), boundaryLine, "opening boundary");
  }

  /** The boundary named by a {@code multipart/x-mixed-replace; boundary=...} content type. */
  public static String boundaryOf(String contentType) {
    String lower = contentType.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("multipart/x-mixed-replace")) {
      throw new AssertionError("not a multipart stream: " + contentType);
    }
    int at = lower.indexOf("boundary=");
    if (at < 0) {
      throw new AssertionError("no boundary in " + contentType);
    }
    return contentType.substring(at + "boundary=".length()).trim();
  }

  /** Reads and checks the next part, including the boundary line that must follow it. */
  public Part next() throws IOException {
    int index = ++parts;
    Map<String, String> headers = headers(index);
    int length = Integer.parseInt(headers.get("content-length"));
    byte[] jpeg = in.readNBytes(length);
    if (jpeg.length != length) {
      throw new EOFException("part " + index + ": body ended inside the JPEG");
    }
    checkJpeg(index, jpeg);
    expect(line(), new byte[0], "CRLF after the JPEG of part " + index);
    expect(line(), boundaryLine, "boundary after part " + index);
    return new Part(index, headers, jpeg);
  }

  private Map<String, String> headers(int index) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (byte[] raw = line(); raw.length > 0; raw = line()) {
      String text = new String(raw, StandardCharsets.US_ASCII);
      int colon = text.indexOf(':');
      if (colon <= 0 || headers.size() > 10) {
        throw new AssertionError("part " + index + ": bad header line '" + text + "'");
      }
      headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          text.substring(colon + 1).trim());
    }
    require(index, "image/jpeg".equals(headers.get("content-type")), "Content-Type", headers);
    require(index, matches(DIGITS, headers.get("content-length")), "Content-Length", headers);
    require(index, matches(TIMESTAMP, headers.get("x-timestamp")), "X-Timestamp", headers);
    require(index, matches(DIGITS, headers.get("x-frame-id")), "X-Frame-Id", headers);
    return headers;
  }

  private static void checkJpeg(int index, byte[] jpeg) {
    int n = jpeg.length;
    if (n < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8
        || (jpeg[n - 2] & 0xff) != 0xFF || (jpeg[n - 1] & 0xff) != 0xD9) {
      throw new AssertionError("part " + index + ": not FFD8..FFD9, " + n + " bytes starting "
          + hex(Arrays.copyOf(jpeg, Math.min(n, 4))));
    }
  }

  /** One line without its CRLF; a bare LF or CR is a format error. */
  private byte[] line() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("stream ended after part " + parts);
      }
      if (b == '\n') {
        throw new AssertionError("bare LF after part " + parts + " in '" + out + "'");
      }
      if (b == '\r') {
        if (in.read() != '\n') {
          throw new AssertionError("CR without LF after part " + parts);
        }
        return out.toByteArray();
      }
      out.write(b);
      if (out.size() > MAX_HEADER_LINE) {
        throw new AssertionError("line over " + MAX_HEADER_LINE + " bytes after part " + parts);
      }
    }
  }

  private void expect(byte[] actual, byte[] wanted, String what) {
    if (!Arrays.equals(actual, wanted)) {
      throw new AssertionError("expected " + what + " '" + ascii(wanted) + "', got '"
          + ascii(actual) + "'");
    }
  }

  private static void require(int index, boolean ok, String header, Map<String, String> all) {
    if (!ok) {
      throw new AssertionError("part " + index + ": missing or bad " + header + " in " + all);
    }
  }

  private static boolean matches(Pattern p, String value) {
    return value != null && p.matcher(value).matches();
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) {
      b.append(String.format("%02X", x & 0xff));
    }
    return b.toString();
  }
}
