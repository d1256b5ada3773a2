package io.mio.camera;

/**
 * Finds where an EXIF segment (APP1) keeps its thumbnail JPEG, so that the splitter can tell that
 * thumbnail from a camera frame when it scans a dropped frame's bytes again. Reads the TIFF
 * header and the second image directory (IFD1) for the JPEGInterchangeFormat offset; anything
 * missing or out of range means "no thumbnail known".
 */
final class ExifThumbnail {

  private static final int TAG_THUMBNAIL_OFFSET = 0x0201;

  private ExifThumbnail() {}

  /**
   * @param buf the frame so far
   * @param segment offset of the APP1 segment's FF byte
   * @return offset in {@code buf} where the thumbnail's SOI is, or -1
   */
  static int locate(FrameBuffer buf, int segment) {
    int tiff = segment + 10; // FF E1, length, "Exif\0\0"
    if (!buf.startsWith(segment + 4, "Exif") || tiff + 8 > buf.length()) {
      return -1;
    }
    boolean little = buf.startsWith(tiff, "II");
    if (!little && !buf.startsWith(tiff, "MM")) {
      return -1;
    }
    Reader r = new Reader(buf, tiff, little);
    int ifd0 = r.int32(4);
    int ifd1 = ifd0 < 0 ? -1 : r.int32(ifd0 + 2 + 12 * r.int16(ifd0));
    if (ifd1 <= 0) {
      return -1;
    }
    int entries = r.int16(ifd1);
    for (int k = 0; k < entries; k++) {
      int entry = ifd1 + 2 + 12 * k;
      if (r.int16(entry) == TAG_THUMBNAIL_OFFSET) {
        int offset = r.int32(entry + 8);
        return offset > 0 ? tiff + offset : -1;
      }
    }
    return -1;
  }

  /** Reads TIFF integers relative to the TIFF header; -1 when outside the received bytes. */
  private record Reader(FrameBuffer buf, int base, boolean little) {

    int int16(int at) {
      return value(at, 2);
    }

    int int32(int at) {
      return value(at, 4);
    }

    private int value(int at, int size) {
      int p = base + at;
      if (at < 0 || p + size > buf.length()) {
        return -1;
      }
      long v = 0;
      for (int k = 0; k < size; k++) {
        int b = buf.byteAt(p + (little ? size - 1 - k : k));
        v = v << 8 | b;
      }
      return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
  }
}
