package io.mio.camera;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes apart a JPEG encoded with one restart interval per MCU row: its header (everything
 * between SOI and the scan data) and the entropy-coded bytes of each MCU row, without the RST
 * markers between them. Because a restart resets the DC predictors, rows cut from different
 * encodings of the same width, quality and sampling can be put back together in any order, with
 * the RST markers renumbered by position ({@link #assemble}).
 */
final class McuRows {

  private McuRows() {}

  /** MCU width and height in pixels, from the frame header's largest sampling factors. */
  static int[] mcuSize(byte[] jpeg) {
    int sof = segment(jpeg, 0xC0);
    int components = jpeg[sof + 9] & 0xFF;
    int maxH = 1;
    int maxV = 1;
    for (int c = 0; c < components; c++) {
      int sampling = jpeg[sof + 11 + 3 * c] & 0xFF;
      maxH = Math.max(maxH, sampling >> 4);
      maxV = Math.max(maxV, sampling & 0x0F);
    }
    return new int[] {8 * maxH, 8 * maxV};
  }

  /** The bytes after SOI up to the end of the SOS header. */
  static byte[] header(byte[] jpeg) {
    return Arrays.copyOfRange(jpeg, 2, scanStart(jpeg));
  }

  /** The entropy-coded bytes of each MCU row; fails unless there are exactly {@code rows}. */
  static List<byte[]> split(byte[] jpeg, int rows) {
    List<byte[]> out = new ArrayList<>(rows);
    int start = scanStart(jpeg);
    for (int i = start; i + 1 < jpeg.length; i++) {
      if (jpeg[i] != (byte) 0xFF) {
        continue;
      }
      int code = jpeg[i + 1] & 0xFF;
      if (JpegMarkers.isRestart(code) || code == 0xD9) {
        out.add(Arrays.copyOfRange(jpeg, start, i));
        start = i + 2;
        i++;
        if (code == 0xD9) {
          break;
        }
      }
    }
    if (out.size() != rows) {
      throw new IllegalStateException("expected " + rows + " MCU rows, found " + out.size());
    }
    return out;
  }

  /** SOI, {@code header} with a COM segment after its JFIF APP0, the rows with RSTs, EOI. */
  static byte[] assemble(byte[] header, byte[] comment, List<byte[]> rows) {
    int size = 2 + header.length + comment.length + 2 * rows.size() + 2;
    for (byte[] row : rows) {
      size += row.length;
    }
    byte[] out = new byte[size];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    int app0 = (header[1] & 0xFF) == 0xE0 ? 2 + ((header[2] & 0xFF) << 8 | (header[3] & 0xFF)) : 0;
    int p = put(out, 2, header, 0, app0);
    p = put(out, p, comment, 0, comment.length);
    p = put(out, p, header, app0, header.length - app0);
    for (int i = 0; i < rows.size(); i++) {
      p = put(out, p, rows.get(i), 0, rows.get(i).length);
      out[p++] = (byte) 0xFF;
      out[p++] = (byte) (i == rows.size() - 1 ? 0xD9 : 0xD0 + i % 8);
    }
    return out;
  }

  /** A COM segment holding {@code text} (ASCII). */
  static byte[] comment(String text) {
    byte[] out = new byte[4 + text.length()];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    out[2] = (byte) ((text.length() + 2) >> 8);
    out[3] = (byte) (text.length() + 2);
    for (int i = 0; i < text.length(); i++) {
      out[4 + i] = (byte) text.charAt(i);
    }
    return out;
  }

  private static int put(byte[] out, int at, byte[] src, int from, int n) {
    System.arraycopy(src, from, out, at, n);
    return at + n;
  }

  private static int scanStart(byte[] jpeg) {
    int sos = segment(jpeg, 0xDA);
    return sos + 2 + length(jpeg, sos);
  }

  /** Offset of the first header segment with this marker (its FF byte). */
  private static int segment(byte[] jpeg, int marker) {
    int i = 2;
    while ((jpeg[i + 1] & 0xFF) != marker) {
      if ((jpeg[i + 1] & 0xFF) == 0xDA) {
        throw new IllegalStateException("no segment " + Integer.toHexString(marker));
      }
      i += 2 + length(jpeg, i);
    }
    return i;
  }

  private static int length(byte[] jpeg, int at) {
    return (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
  }
}
