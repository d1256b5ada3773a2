package io.mio.camera;

import static io.mio.camera.TestJpegs.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Splices real JPEGs with garbage, cut-short frames, malformed and oversized frames, and checks
 * that exactly the intact JPEGs come out, in order, whole (see {@link #label} for the one
 * allowed variation).
 *
 * <p>Two cases are left out because no framing parser can tell them from a real frame (only a
 * decoder could): garbage holding the pair FF D9, which "completes" a frame cut short inside its
 * scan; and a frame without SOF right after a frame cut inside its header exactly where a
 * segment of the next one begins, which together read as one well-formed frame.
 */
class JpegSplitterFuzzTest {

  private static final int LIMIT = 256 * 1024;
  private static final List<byte[]> POOL = List.of(
      TestJpegs.encode(160, 120, 11),
      TestJpegs.encode(160, 120, 12),
      TestJpegs.encodeWithRestarts(160, 120, 13, 3),
      TestJpegs.withExifThumbnail(TestJpegs.encode(160, 120, 14), TestJpegs.encode(24, 16, 15)),
      TestJpegs.withExifThumbnail(TestJpegs.encode(160, 120, 16), TestJpegs.encode(48, 32, 17)));
  private static final byte[] NO_FRAME_HEADER = TestJpegs.withoutSegment(POOL.get(0), 0xC0);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987})
  void emitsExactlyTheIntactFramesWhateverSurroundsThem(long seed) {
    Random random = new Random(seed);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<String> intact = new ArrayList<>();
    int oversized = 0;
    int kind = 0;
    for (int i = 0; i < 60; i++) {
      boolean afterCut = kind == 4 || kind == 5;
      kind = random.nextInt(10);
      if (kind == 8 && afterCut) {
        kind = 7;
      }
      byte[] jpeg = POOL.get(random.nextInt(POOL.size()));
      if (kind < 4) {
        intact.add(label(jpeg));
        stream.writeBytes(jpeg);
      } else if (kind < 6) {
        stream.writeBytes(Arrays.copyOf(jpeg, 1 + random.nextInt(jpeg.length - 1)));
      } else if (kind < 8) {
        stream.writeBytes(garbage(random, 1 + random.nextInt(3000)));
      } else if (kind < 9) {
        stream.writeBytes(NO_FRAME_HEADER);
      } else {
        oversized++;
        stream.writeBytes(oversizedFrame(random, LIMIT + random.nextInt(LIMIT)));
      }
    }

    CameraStats stats = new CameraStats();
    List<byte[]> frames = split(stream.toByteArray(), random, stats);

    assertThat(frames.stream().map(JpegSplitterFuzzTest::label).toList())
        .containsExactlyElementsOf(intact);
    assertThat(stats.framesDroppedOversized.get()).isEqualTo(oversized);
    for (byte[] frame : frames) {
      assertThat(frame[0] & 0xFF).isEqualTo(0xFF);
      assertThat(frame[1] & 0xFF).isEqualTo(0xD8);
      assertThat(frame[frame.length - 2] & 0xFF).isEqualTo(0xFF);
      assertThat(frame[frame.length - 1] & 0xFF).isEqualTo(0xD9);
      BufferedImage image = TestJpegs.decode(frame);
      assertThat(image.getWidth()).isPositive();
    }
  }

  @Test
  void aFiftyMegabyteFrameNeverGrowsTheBufferPastTheLimit() throws IOException {
    byte[] good = POOL.get(1);
    int limit = 1 << 20;
    CameraStats stats = new CameraStats();
    List<byte[]> frames = new ArrayList<>();
    JpegSplitter splitter = new JpegSplitter(limit, stats, frames::add);
    int[] largestCapacity = {0};
    InputStream in = new HugeFrameStream(good, 50 << 20) {
      @Override
      public int read(byte[] b, int off, int len) {
        largestCapacity[0] = Math.max(largestCapacity[0], splitter.bufferCapacity());
        return super.read(b, off, len);
      }
    };

    splitter.readAll(in);

    assertThat(frames).containsExactly(good, good);
    assertThat(stats.framesDroppedOversized.get()).isEqualTo(1);
    assertThat(largestCapacity[0]).isLessThanOrEqualTo(limit);
  }

  /**
   * Names a frame by the pool JPEG it is. A header cut short just before a segment boundary may
   * run on into the next frame's segments and merge with it: such a frame carries that JPEG's
   * own frame header and scan, so it counts as that JPEG when it decodes to the same pixels.
   */
  private static String label(byte[] frame) {
    for (int i = 0; i < POOL.size(); i++) {
      byte[] jpeg = POOL.get(i);
      if (Arrays.equals(jpeg, frame)) {
        return "pool[" + i + "]";
      }
      if (endsWithScanOf(frame, jpeg) && samePixels(frame, jpeg)) {
        return "pool[" + i + "]";
      }
    }
    return "unknown frame of " + frame.length + " bytes";
  }

  private static boolean endsWithScanOf(byte[] frame, byte[] jpeg) {
    int from = TestJpegs.segmentOffset(jpeg, 0xC0);
    int n = jpeg.length - from;
    return frame.length >= n
        && Arrays.equals(frame, frame.length - n, frame.length, jpeg, from, jpeg.length);
  }

  private static boolean samePixels(byte[] a, byte[] b) {
    BufferedImage x = TestJpegs.decode(a);
    BufferedImage y = TestJpegs.decode(b);
    return x.getWidth() == y.getWidth() && x.getHeight() == y.getHeight()
        && Arrays.equals(x.getRGB(0, 0, x.getWidth(), x.getHeight(), null, 0, x.getWidth()),
            y.getRGB(0, 0, y.getWidth(), y.getHeight(), null, 0, y.getWidth()));
  }

  private static List<byte[]> split(byte[] input, Random random, CameraStats stats) {
    List<byte[]> frames = new ArrayList<>();
    JpegSplitter splitter = new JpegSplitter(LIMIT, stats, frames::add);
    for (int i = 0; i < input.length; ) {
      int n = Math.min(1 + random.nextInt(8192), input.length - i);
      splitter.feed(input, i, n);
      assertThat(splitter.bufferCapacity()).isLessThanOrEqualTo(LIMIT);
      i += n;
    }
    splitter.endOfStream();
    return frames;
  }

  /** Random bytes, with FF D9 broken up (see the class comment). */
  private static byte[] garbage(Random random, int n) {
    byte[] b = JpegSplitterTest.randomBytes(random, n);
    for (int i = 1; i < n; i++) {
      if (b[i - 1] == (byte) 0xFF && b[i] == (byte) 0xD9) {
        b[i] = 0x00;
      }
    }
    return b;
  }

  /** A well-formed header and scan data (every FF stuffed) that run past the limit. */
  private static byte[] oversizedFrame(Random random, int n) {
    byte[] head = POOL.get(0);
    byte[] scan = JpegSplitterTest.randomBytes(random, n);
    for (int i = 0; i < n - 1; i++) {
      if (scan[i] == (byte) 0xFF) {
        scan[++i] = 0x00;
      }
    }
    scan[n - 1] = 0x00;
    return concat(Arrays.copyOf(head, TestJpegs.entropyStart(head)), scan, new byte[] {-1, -39});
  }

  /** A good frame, a frame whose scan data runs for {@code scanBytes}, a good frame; lazily. */
  private static class HugeFrameStream extends InputStream {

    private final byte[] good;
    private final byte[] head;
    private final long scanBytes;
    private final Random random = new Random(42);
    private long position;

    HugeFrameStream(byte[] good, long scanBytes) {
      this.good = good;
      this.head = Arrays.copyOf(good, TestJpegs.entropyStart(good));
      this.scanBytes = scanBytes;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = good.length + head.length + scanBytes + 2 + good.length;
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(len, Math.min(total - position, 65536));
      for (int k = 0; k < n; k++) {
        b[off + k] = byteAt(position + k);
      }
      position += n;
      return n;
    }

    private byte byteAt(long p) {
      if (p < good.length) {
        return good[(int) p];
      }
      p -= good.length;
      if (p < head.length) {
        return head[(int) p];
      }
      p -= head.length;
      if (p < scanBytes) {
        return (byte) random.nextInt(0xFF); // never FF: plain scan data
      }
      p -= scanBytes;
      if (p < 2) {
        return p == 0 ? (byte) 0xFF : (byte) 0xD9;
      }
      return good[(int) (p - 2)];
    }
  }
}
