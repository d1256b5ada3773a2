package io.mio.camera;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The mock camera's encoded material for one size and quality, and the frames spliced from it
 * (see {@link MockSource} for how it stays cheap). Used only by the camera thread.
 */
final class MockRenderer {

  private static final int BAND_ROWS_OF_MCUS = 4;

  private final CameraSettings settings;
  final long periodNanos;
  private final MockPainter painter;
  private final int positions;
  private final int bandFirstRow;
  /** The band per ball position, encoded the first time the position is shown. */
  private final JpegRows[] bands;
  /** MCU rows at the top that hold the clock; re-encoded once a second. */
  private final int clockRowsOfMcus;
  private JpegRows base;
  private JpegRows clock;
  private LocalTime clockSecond;
  /** False when frames are encoded whole: pictures too small for bands, or unequal tables. */
  private boolean spliced;

  MockRenderer(CameraSettings settings) {
    this.settings = settings;
    this.periodNanos = periodNanos(settings);
    int w = settings.resolution().width();
    int h = settings.resolution().height();
    this.positions = Math.max(2, Math.min(60, settings.fps() * 2));
    int mcu = 16;
    int bandHeight = BAND_ROWS_OF_MCUS * mcu;
    int rowsOfMcus = h / mcu;
    this.bandFirstRow = Math.max(0, rowsOfMcus - BAND_ROWS_OF_MCUS - 1);
    this.painter = new MockPainter(w, h, bandFirstRow * mcu, bandHeight);
    this.clockRowsOfMcus = (painter.clockHeight() + mcu - 1) / mcu;
    this.bands = new JpegRows[positions];
    if (rowsOfMcus >= BAND_ROWS_OF_MCUS + 2 && clockRowsOfMcus <= bandFirstRow) {
      base = JpegRows.encode(painter.base(LocalTime.MIDNIGHT, 0), settings.jpegQuality());
      spliced = base.mcuHeight() == mcu;
    }
  }

  byte[] frame(long id, long epochMillis) {
    int position = (int) (id % positions);
    LocalTime second = LocalTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
    if (spliced && !second.equals(clockSecond)) {
      clock = JpegRows.encode(painter.clockRows(second, clockRowsOfMcus * base.mcuHeight()),
          settings.jpegQuality());
      clockSecond = second;
      spliced = clock.compatibleWith(base);
    }
    JpegRows band = spliced ? band(position) : null;
    if (band == null) {
      return withComment(JpegRows.encode(painter.base(second, sweep(position)),
          settings.jpegQuality()), null, id, epochMillis);
    }
    return withComment(base, band, id, epochMillis);
  }

  /** The band for a ball position; null (and whole encodes from now on) if tables differ. */
  private JpegRows band(int position) {
    if (bands[position] == null) {
      JpegRows band = JpegRows.encode(painter.band(sweep(position)), settings.jpegQuality());
      spliced = base.compatibleWith(band);
      if (!spliced) {
        return null; // rather whole encodes than corrupt frames
      }
      bands[position] = band;
    }
    return bands[position];
  }

  private double sweep(int p) {
    double phase = (double) p / positions;
    return phase < 0.5 ? phase * 2 : 2 - phase * 2;
  }

  /** Header, comment, then base rows with the band's rows spliced in, then EOI. */
  private byte[] withComment(JpegRows image, JpegRows band, long id, long epochMillis) {
    byte[] comment = ("mio frame=" + id + " ts=" + epochMillis)
        .getBytes(StandardCharsets.US_ASCII);
    List<byte[]> rows = image.rows();
    int size = image.header().length + 4 + comment.length + 2;
    for (int r = 0; r < rows.size(); r++) {
      size += row(rows, band, r).length + (r < rows.size() - 1 ? 2 : 0);
    }
    byte[] out = new byte[size];
    int at = insertComment(image.header(), comment, out);
    for (int r = 0; r < rows.size(); r++) {
      byte[] data = row(rows, band, r);
      System.arraycopy(data, 0, out, at, data.length);
      at += data.length;
      if (r < rows.size() - 1) {
        out[at++] = (byte) 0xFF;
        out[at++] = (byte) (0xD0 + (r % 8));
      }
    }
    out[at++] = (byte) 0xFF;
    out[at] = (byte) 0xD9;
    return out;
  }

  private byte[] row(List<byte[]> rows, JpegRows band, int r) {
    if (band != null && r < clockRowsOfMcus) {
      return clock.rows().get(r);
    }
    int inBand = r - bandFirstRow;
    if (band != null && inBand >= 0 && inBand < band.rows().size()) {
      return band.rows().get(inBand);
    }
    return rows.get(r);
  }

  /** Copies the header with a COM segment right after SOI and APP0; returns the end offset. */
  private static int insertComment(byte[] header, byte[] comment, byte[] out) {
    int split = 2;
    if ((header[3] & 0xFF) == 0xE0) {
      split = 4 + JpegRows.length(header, 2);
    }
    System.arraycopy(header, 0, out, 0, split);
    int at = split;
    out[at++] = (byte) 0xFF;
    out[at++] = (byte) 0xFE;
    out[at++] = (byte) ((comment.length + 2) >> 8);
    out[at++] = (byte) (comment.length + 2);
    System.arraycopy(comment, 0, out, at, comment.length);
    at += comment.length;
    System.arraycopy(header, split, out, at, header.length - split);
    return at + header.length - split;
  }

  static long periodNanos(CameraSettings s) {
    return 1_000_000_000L / s.fps();
  }
}
