package io.mio.camera;

import io.mio.camera.JpegFrameParser.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts an MJPEG byte stream (JPEGs back to back, as {@code rpicam-vid} and {@code ffmpeg -f mjpeg}
 * write them) into complete JPEG frames. Only frames that start with SOI, carry one frame header
 * (SOF) and a scan (SOS), and end with EOI are emitted; everything else is dropped and counted in
 * {@link CameraStats}: bytes outside frames as garbage, frames cut short by a new SOI or by the end
 * of the stream as truncated, frames over the size limit as oversized, malformed ones as invalid.
 *
 * <p>Marker segments are skipped by their declared length, so an EXIF thumbnail (a whole JPEG
 * inside APP1) does not end the frame early; table segments must add up, and a frame whose
 * picture size differs from the stream's is emitted only once the next frame confirms it.
 * Memory never exceeds the size limit: a frame that grows past it is abandoned at once and the
 * splitter looks for the next SOI. Frames must have a single scan, as cameras write them:
 * accepting tables between scans would let garbage after a cut-short frame claim a long
 * "segment" and swallow the next good frame.
 *
 * <p>Not thread-safe: one reader thread feeds it.
 */
public final class JpegSplitter {

  /**
   * A dropped frame up to this size is scanned again for a frame hidden inside; it covers a
   * cut-short header whose last segment claimed the largest length (64 KB) and then some.
   */
  private static final int RESCAN_LIMIT = 160 * 1024;

  private final CameraStats stats;
  private final Consumer<byte[]> sink;
  private final JpegFrameParser parser;
  private long garbage;
  /** Bytes of a dropped frame to scan again before the rest of the input. */
  private byte[] rescan;
  private boolean rescanning;
  /** Where, in the rescanned bytes, the dropped frame's EXIF thumbnail begins (or -1). */
  private int thumbnailAt;
  private int thumbnailLength;
  /** The frame in progress began where that thumbnail does. */
  private boolean embedded;
  /** Picture size of the frames being emitted, and of a frame that may be changing it. */
  private int width;
  private int height;
  private int newWidth;
  private int newHeight;

  /**
   * @param maxFrameBytes largest frame accepted; bigger ones are dropped as oversized
   * @param stats where drops and garbage are counted
   * @param sink receives each complete frame (a fresh array the caller may keep)
   */
  public JpegSplitter(int maxFrameBytes, CameraStats stats, Consumer<byte[]> sink) {
    if (maxFrameBytes < 64) {
      throw new IllegalArgumentException(
          "max frame bytes must be at least 64, got " + maxFrameBytes);
    }
    this.stats = stats;
    this.sink = sink;
    this.parser = new JpegFrameParser(maxFrameBytes);
  }

  /** Reads {@code in} to its end, emitting frames as they complete. */
  public void readAll(InputStream in) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        feed(chunk, 0, n);
      }
    } finally {
      endOfStream();
    }
  }

  /** Consumes the next piece of the stream. */
  public void feed(byte[] data, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; ) {
      i = parser.step(data, i, end);
      garbage += parser.takeGarbage();
      handle(parser.outcome());
      drainRescan();
    }
    flushGarbage();
  }

  /**
   * The stream ended: a frame in progress is truncated (and scanned again, as it may have
   * swallowed whole frames), undecided bytes are garbage.
   */
  public void endOfStream() {
    while (parser.inFrame()) {
      stats.framesDroppedTruncated.incrementAndGet();
      rescanIfShort();
      if (rescan == null) {
        parser.seekAfresh();
      }
      drainRescan();
    }
    garbage += parser.pendingBytes();
    parser.seekAfresh();
    flushGarbage();
  }

  /** Bytes currently reserved for the frame being assembled; never above the size limit. */
  int bufferCapacity() {
    return parser.capacity();
  }

  private void handle(Outcome outcome) {
    switch (outcome) {
      case NONE -> { }
      case BEGUN -> embedded = rescanning && parser.soiIndex() == thumbnailAt;
      case COMPLETE -> complete();
      case TRUNCATED -> {
        stats.framesDroppedTruncated.incrementAndGet();
        rescanIfShort();
      }
      case INVALID -> {
        stats.framesDroppedInvalid.incrementAndGet();
        rescanIfShort();
      }
      case OVERSIZED -> stats.framesDroppedOversized.incrementAndGet();
    }
  }

  /**
   * Emits a complete frame unless it is a stray: a dropped frame's EXIF thumbnail (it starts
   * where the EXIF data says and has the length it gives), or a frame of another picture size. A
   * stray is scanned again like a dropped frame, since it may have swallowed the SOI of the
   * camera's next frame.
   */
  private void complete() {
    boolean thumbnail = embedded
        && (thumbnailLength < 0 || thumbnailLength == parser.frame().length());
    if (thumbnail || !sizeAgrees(parser.width(), parser.height())) {
      stats.framesDroppedInvalid.incrementAndGet();
      rescanIfShort();
    } else {
      sink.accept(parser.frame().copy());
    }
  }

  /**
   * A camera keeps its picture size, so a single frame of another size is a stray (a thumbnail
   * that a cut-short header ran on into); two in a row are a real change of size.
   */
  private boolean sizeAgrees(int w, int h) {
    boolean agrees = (w == width && h == height) || (w == newWidth && h == newHeight)
        || width == 0;
    if (agrees) {
      width = w;
      height = h;
    }
    newWidth = agrees ? 0 : w;
    newHeight = agrees ? 0 : h;
    return agrees;
  }

  /**
   * Queues a dropped frame's bytes after its SOI for another scan: when a frame was cut inside a
   * marker segment, the next frame's SOI was swallowed as segment payload, and the mistake shows
   * only a little later. (The parser has already moved past a frame too long to rescan.)
   */
  private void rescanIfShort() {
    FrameBuffer dropped = parser.frame();
    if (dropped.length() > RESCAN_LIMIT) {
      return;
    }
    ExifThumbnail.Location thumbnail = parser.thumbnail();
    thumbnailAt = thumbnail == null ? -1 : thumbnail.offset() - 1;
    thumbnailLength = thumbnail == null ? -1 : thumbnail.length();
    rescan = dropped.copyFrom(1);
    parser.seekAfresh();
  }

  /** Scans dropped bytes again, without recursion: a nested drop queues its own rest. */
  private void drainRescan() {
    if (rescan == null) {
      return;
    }
    rescanning = true;
    while (rescan != null) {
      byte[] bytes = rescan;
      rescan = null;
      for (int j = 0; j < bytes.length; ) {
        j = parser.step(bytes, j, bytes.length);
        parser.takeGarbage(); // counted with the dropped frame already
        handle(parser.outcome());
        if (rescan != null) {
          rescan = concat(rescan, Arrays.copyOfRange(bytes, j, bytes.length));
          break;
        }
      }
    }
    rescanning = false;
  }

  private void flushGarbage() {
    if (garbage > 0) {
      stats.garbageBytes.addAndGet(garbage);
      garbage = 0;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
