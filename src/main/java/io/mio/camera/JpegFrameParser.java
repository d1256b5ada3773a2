package io.mio.camera;

/**
 * The JPEG syntax behind {@link JpegSplitter}: a state machine, fed runs of bytes, that
 * assembles one frame at a time and reports how each step ended it. Policy (what to count, emit
 * or scan again) stays in the splitter. Not thread-safe.
 *
 * <p>Marker segments are skipped by their declared length up to SOS; entropy-coded data is then
 * copied up to each FF and the byte after it decides: stuffing ({@code FF00}), a restart marker,
 * fill, EOI (complete), SOI (the frame was cut short) or anything else (malformed).
 */
final class JpegFrameParser {

  /** What the last {@link #step} did to the frame in progress. */
  enum Outcome { NONE, BEGUN, COMPLETE, TRUNCATED, INVALID, OVERSIZED }

  private enum Phase {
    SEEK, SEEK_FF, SEEK_FF_D8, MARKER, MARKER_CODE, LENGTH_HIGH, LENGTH_LOW, PAYLOAD, ENTROPY,
    ENTROPY_FF
  }

  private final FrameBuffer frame;
  private final int initialCapacity;
  private Phase phase = Phase.SEEK;
  private Outcome outcome = Outcome.NONE;
  private int marker;
  private int remaining;
  private boolean sawSof;
  private boolean sawSos;
  private int soiIndex;
  private int segmentStart;
  private int width;
  private int height;
  private int exifSegment;
  private long garbage;

  JpegFrameParser(int maxFrameBytes) {
    this.initialCapacity = Math.min(64 * 1024, maxFrameBytes);
    this.frame = new FrameBuffer(initialCapacity, maxFrameBytes);
  }

  /** Consumes one byte or one run of bytes from {@code data[i..end)}; returns the next index. */
  int step(byte[] data, int i, int end) {
    outcome = Outcome.NONE;
    int b = data[i] & 0xFF;
    return switch (phase) {
      case SEEK -> seek(data, i, end);
      case SEEK_FF -> seekFf(b, i);
      case SEEK_FF_D8 -> seekFfD8(b, i);
      case PAYLOAD -> payload(data, i, end);
      case ENTROPY -> entropy(data, i, end);
      default -> frame.append(b) ? parse(b, i) : oversized(i);
    };
  }

  Outcome outcome() {
    return outcome;
  }

  /** Index in the last stepped array where the frame reported {@link Outcome#BEGUN} starts. */
  int soiIndex() {
    return soiIndex;
  }

  /** Picture size from the frame header, valid once a frame is {@link Outcome#COMPLETE}. */
  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The frame so far (after any outcome, until the next frame begins). */
  FrameBuffer frame() {
    return frame;
  }

  /** Where the frame's EXIF thumbnail (a whole JPEG inside APP1) is, or {@code null}. */
  ExifThumbnail.Location thumbnail() {
    return exifSegment < 0 ? null : ExifThumbnail.locate(frame, exifSegment);
  }

  /** Forgets where the parser was and looks for a fresh SOI (the caller rescans the bytes). */
  void seekAfresh() {
    frame.clear();
    phase = Phase.SEEK;
  }

  boolean inFrame() {
    return phase.compareTo(Phase.SEEK_FF_D8) > 0;
  }

  /** Bytes held back while deciding whether they start an SOI. */
  int pendingBytes() {
    return switch (phase) {
      case SEEK_FF -> 1;
      case SEEK_FF_D8 -> 2;
      default -> 0;
    };
  }

  /** Garbage seen since the last call. */
  long takeGarbage() {
    long g = garbage;
    garbage = 0;
    return g;
  }

  int capacity() {
    return frame.capacity();
  }

  private int seek(byte[] data, int i, int end) {
    int ff = indexOfFf(data, i, end);
    garbage += ff - i;
    if (ff < end) {
      phase = Phase.SEEK_FF;
      return ff + 1;
    }
    return end;
  }

  private int seekFf(int b, int i) {
    if (b == 0xD8) {
      phase = Phase.SEEK_FF_D8;
    } else if (b == 0xFF) {
      garbage++;
    } else {
      garbage += 2;
      phase = Phase.SEEK;
    }
    return i + 1;
  }

  /** SOI counts only when a marker follows at once: {@code FFD8} alone is common in noise. */
  private int seekFfD8(int b, int i) {
    if (b != 0xFF) {
      garbage += 3;
      phase = Phase.SEEK;
      return i + 1;
    }
    frame.clear();
    frame.append(0xFF);
    frame.append(0xD8);
    frame.append(0xFF);
    sawSof = false;
    sawSos = false;
    exifSegment = -1;
    soiIndex = i - 2;
    phase = Phase.MARKER_CODE;
    outcome = Outcome.BEGUN;
    return i + 1;
  }

  private int payload(byte[] data, int i, int end) {
    int n = Math.min(remaining, end - i);
    if (!frame.append(data, i, n)) {
      return oversized(i);
    }
    remaining -= n;
    return remaining == 0 ? endSegment(i + n - 1) : i + n;
  }

  /** Entropy-coded data: copy everything up to the next FF in one go. */
  private int entropy(byte[] data, int i, int end) {
    int ff = indexOfFf(data, i, end);
    int n = ff < end ? ff - i + 1 : end - i;
    if (!frame.append(data, i, n)) {
      return oversized(i);
    }
    if (ff < end) {
      phase = Phase.ENTROPY_FF;
    }
    return i + n;
  }

  /** Abandons the frame without buffering more; the bytes at {@code i} are scanned as garbage. */
  private int oversized(int i) {
    frame.clear();
    frame.shrink(initialCapacity);
    phase = Phase.SEEK;
    outcome = Outcome.OVERSIZED;
    return i;
  }

  /** The byte just appended, in a phase that looks at single bytes. */
  private int parse(int b, int i) {
    switch (phase) {
      case MARKER -> {
        if (b != 0xFF) {
          return end(Outcome.INVALID, i);
        }
        phase = Phase.MARKER_CODE;
      }
      case MARKER_CODE -> {
        return markerCode(b, i);
      }
      case LENGTH_HIGH -> {
        remaining = b << 8;
        phase = Phase.LENGTH_LOW;
      }
      case LENGTH_LOW -> {
        return segmentLength(remaining | b, i);
      }
      case ENTROPY_FF -> {
        return entropyMarker(b, i);
      }
      default -> throw new IllegalStateException("no single-byte rule for " + phase);
    }
    return i + 1;
  }

  private int markerCode(int b, int i) {
    if (b == 0xFF || b == 0x01) {
      phase = b == 0xFF ? Phase.MARKER_CODE : Phase.MARKER; // fill byte, or TEM (no length)
    } else if (b == 0xD8) {
      return end(Outcome.TRUNCATED, i);
    } else if (b == 0xD9) {
      return end(sawSos ? Outcome.COMPLETE : Outcome.INVALID, i);
    } else if (JpegMarkers.hasLength(b)) {
      marker = b;
      phase = Phase.LENGTH_HIGH;
    } else {
      return end(Outcome.INVALID, i);
    }
    return i + 1;
  }

  private int segmentLength(int length, int i) {
    if (length < 2 || length > JpegMarkers.maxSegmentLength(marker)) {
      return end(Outcome.INVALID, i);
    }
    if (JpegMarkers.isStartOfFrame(marker)) {
      if (sawSof) {
        // Two frame headers: a cut-short header ran on into the next frame's segments.
        return end(Outcome.INVALID, i);
      }
      sawSof = true;
    }
    if (marker == 0xDA && !sawSof) {
      return end(Outcome.INVALID, i);
    }
    segmentStart = frame.length() - 4;
    if (marker == 0xE1 && exifSegment < 0) {
      exifSegment = segmentStart;
    }
    remaining = length - 2;
    if (remaining == 0) {
      return endSegment(i);
    }
    phase = Phase.PAYLOAD;
    return i + 1;
  }

  /** Only single-scan frames (what cameras write): tables between scans count as malformed. */
  private int entropyMarker(int b, int i) {
    if (b == 0x00 || JpegMarkers.isRestart(b)) {
      phase = Phase.ENTROPY;
    } else if (b == 0xFF) {
      phase = Phase.ENTROPY_FF;
    } else if (b == 0xD9) {
      return end(Outcome.COMPLETE, i);
    } else if (b == 0xD8) {
      return end(Outcome.TRUNCATED, i);
    } else {
      return end(Outcome.INVALID, i);
    }
    return i + 1;
  }

  /** The frame ended at byte {@code i}; after a cut-short one, an SOI has just been seen. */
  private int end(Outcome how, int i) {
    outcome = how;
    phase = how == Outcome.TRUNCATED ? Phase.SEEK_FF_D8 : Phase.SEEK;
    return i + 1;
  }

  /**
   * The segment's last byte was at {@code i}. Table and header segments must add up: one cut
   * short and filled from the next frame's bytes almost never does.
   */
  private int endSegment(int i) {
    int from = segmentStart + 4;
    if (!JpegMarkers.wellFormed(marker, frame, from, frame.length())) {
      return end(Outcome.INVALID, i);
    }
    if (JpegMarkers.isStartOfFrame(marker)) {
      height = frame.byteAt(from + 1) << 8 | frame.byteAt(from + 2);
      width = frame.byteAt(from + 3) << 8 | frame.byteAt(from + 4);
    }
    if (marker == 0xDA) {
      sawSos = true;
      phase = Phase.ENTROPY;
    } else {
      phase = Phase.MARKER;
    }
    return i + 1;
  }

  private static int indexOfFf(byte[] data, int from, int end) {
    for (int i = from; i < end; i++) {
      if (data[i] == (byte) 0xFF) {
        return i;
      }
    }
    return end;
  }
}
