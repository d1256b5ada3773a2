package io.mio.camera;

/**
 * Finds where an EXIF segment (APP1) keeps its thumbnail JPEG, and how long it is, so that the
 * splitter can tell that thumbnail from a camera frame when it scans a dropped frame's bytes
 * again. Reads the TIFF header and the second image directory (IFD1) for the
 * JPEGInterchangeFormat tags; anything missing or out of range means "no thumbnail known".
 */
final class ExifThumbnail {

  private static final int TAG_THUMBNAIL_OFFSET = 0x0201;
  private static final int TAG_THUMBNAIL_LENGTH = 0x0202;

  /** Where the thumbnail is in the frame, and its length in bytes (-1 when not given). */
  record Location(int offset, int length) {}

  private ExifThumbnail() {}

  /**
   * @param buf the frame so far
   * @param segment offset of the APP1 segment's FF byte
   * @return where the thumbnail is, or {@code null}
   */
  static Location locate(FrameBuffer buf, int segment) {
    int tiff = segment + 10; // FF E1, length, "Exif\0\0"
    if (!buf.startsWith(segment + 4, "Exif") || tiff + 8 > buf.length()) {
      return null;
    }
    boolean little = buf.startsWith(tiff, "II");
    if (!little && !buf.startsWith(tiff, "MM")) {
      return null;
    }
    Reader r = new Reader(buf, tiff, little);
    int ifd0 = r.int32(4);
    int ifd1 = ifd0 < 0 ? -1 : r.int32(ifd0 + 2 + 12 * r.int16(ifd0));
    if (ifd1 <= 0) {
      return null;
    }
    int offset = -1;
    int length = -1;
    int entries = r.int16(ifd1);
    for (int k = 0; k < entries; k++) {
      int entry = ifd1 + 2 + 12 * k;
      int tag = r.int16(entry);
      if (tag == TAG_THUMBNAIL_OFFSET) {
        offset = r.int32(entry + 8);
      } else if (tag == TAG_THUMBNAIL_LENGTH) {
        length = r.int32(entry + 8);
      }
    }
    return offset > 0 ? new Location(tiff + offset, length) : null;
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
