package io.mio.camera;

/** The few facts about JPEG marker codes (the byte after FF) that framing needs. */
final class JpegMarkers {

  private JpegMarkers() {}

  /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
  static boolean isStartOfFrame(int code) {
    return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
  }

  /** RST0-RST7: may appear inside entropy-coded data. */
  static boolean isRestart(int code) {
    return code >= 0xD0 && code <= 0xD7;
  }

  /** APP0-APP15. */
  static boolean isApplication(int code) {
    return code >= 0xE0 && code <= 0xEF;
  }

  /** Markers followed by a two-byte length: C0-FE except RSTn, SOI and EOI. */
  static boolean hasLength(int code) {
    return code >= 0xC0 && code <= 0xFE && !isRestart(code) && code != 0xD8 && code != 0xD9;
  }

  /**
   * Longest valid segment per marker. A frame cut inside its header takes its length bytes from
   * whatever follows, often the next frame's {@code FFD8}; bounding the table segments notices
   * that at once instead of swallowing 64 KB. APPn and COM may legitimately be that long.
   */
  static int maxSegmentLength(int code) {
    if (isStartOfFrame(code)) {
      return 8 + 3 * 255;
    }
    return switch (code) {
      case 0xDA -> 6 + 2 * 4; // SOS: at most four components
      case 0xDB -> 2 + 4 * 129; // DQT: four 16-bit tables
      case 0xC4 -> 2 + 4 * (17 + 256); // DHT: four full tables
      case 0xDD -> 4; // DRI
      default -> 0xFFFF;
    };
  }

  /**
   * Whether a complete segment's payload {@code buf[from..to)} adds up for the markers whose
   * layout is fixed (SOF, SOS, DQT, DHT); others are not checked.
   */
  static boolean wellFormed(int code, FrameBuffer buf, int from, int to) {
    if (isStartOfFrame(code)) {
      return to - from >= 6 && to - from == 6 + 3 * buf.byteAt(from + 5)
          && buf.byteAt(from + 5) > 0;
    }
    return switch (code) {
      case 0xDA -> to - from >= 1 && to - from == 4 + 2 * buf.byteAt(from)
          && buf.byteAt(from) > 0;
      case 0xDB -> quantizationTablesFit(buf, from, to);
      case 0xC4 -> huffmanTablesFit(buf, from, to);
      default -> true;
    };
  }

  /** DQT: each table is a precision/id byte and 64 one- or two-byte entries. */
  private static boolean quantizationTablesFit(FrameBuffer buf, int from, int to) {
    int p = from;
    while (p < to) {
      int precision = buf.byteAt(p) >> 4;
      int id = buf.byteAt(p) & 0x0F;
      if (precision > 1 || id > 3) {
        return false;
      }
      p += 1 + 64 * (precision + 1);
    }
    return p == to && to > from;
  }

  /** DHT: each table is a class/id byte, 16 code counts and as many symbols as they add up to. */
  private static boolean huffmanTablesFit(FrameBuffer buf, int from, int to) {
    int p = from;
    while (p < to) {
      if (p + 17 > to || buf.byteAt(p) >> 4 > 1 || (buf.byteAt(p) & 0x0F) > 3) {
        return false;
      }
      int symbols = 0;
      for (int k = 1; k <= 16; k++) {
        symbols += buf.byteAt(p + k);
      }
      if (symbols > 256) {
        return false;
      }
      p += 17 + symbols;
    }
    return p == to && to > from;
  }
}
