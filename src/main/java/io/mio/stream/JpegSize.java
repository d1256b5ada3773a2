package io.mio.stream;

import java.util.Optional;

/**
 * Reads the pixel size of a JPEG from its frame header (SOFn), so that status can report what
 * the camera actually delivers rather than what was asked for. Walks the marker segments by
 * their lengths and never reads past the array; anything malformed yields empty.
 */
public final class JpegSize {

  private JpegSize() {}

  /** Width and height of the image, or empty when no frame header is found. */
  public static Optional<int[]> of(byte[] jpeg) {
    int i = 2;
    if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
      return Optional.empty();
    }
    while (i + 4 <= jpeg.length) {
      if (u8(jpeg, i) != 0xFF) {
        return Optional.empty();
      }
      int marker = u8(jpeg, i + 1);
      if (marker == 0xFF) {
        i++; // fill byte before a marker
        continue;
      }
      int length = u16(jpeg, i + 2);
      if (isFrameHeader(marker)) {
        return i + 9 <= jpeg.length
            ? Optional.of(new int[] {u16(jpeg, i + 7), u16(jpeg, i + 5)})
            : Optional.empty();
      }
      if (marker == 0xDA || length < 2) {
        return Optional.empty(); // scan data reached without a frame header
      }
      i += 2 + length;
    }
    return Optional.empty();
  }

  /** {@code WIDTHxHEIGHT}, or empty. */
  public static Optional<String> text(byte[] jpeg) {
    return of(jpeg).map(wh -> wh[0] + "x" + wh[1]);
  }

  /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isFrameHeader(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static int u16(byte[] b, int i) {
    return (u8(b, i) << 8) | u8(b, i + 1);
  }
}
