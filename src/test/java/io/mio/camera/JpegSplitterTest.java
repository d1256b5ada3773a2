package io.mio.camera;

import static io.mio.camera.TestJpegs.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JpegSplitterTest {

  private static final byte[] A = TestJpegs.encode(64, 48, 1);
  private static final byte[] B = TestJpegs.encode(64, 48, 2);
  private static final byte[] C = TestJpegs.encodeWithRestarts(64, 48, 3, 2);
  private static final byte[] WIDE = TestJpegs.encode(96, 48, 5);
  private static final byte[] WIDE2 = TestJpegs.encode(96, 48, 6);
  private static final byte[] THUMB = TestJpegs.encode(16, 16, 4);
  private static final byte[] EXIF = TestJpegs.withExifThumbnail(A, THUMB);
  private static final byte[] LARGE = TestJpegs.withExifThumbnail(B, C);
  private static final byte[] TEXT = "ffmpeg: frame=  10 fps=15\n".getBytes(StandardCharsets.UTF_8);
  private static final int BIG = 1 << 20;

  /** What a stream should yield: the frames in order, then the drop counters. */
  record Expect(List<byte[]> frames, long truncated, long oversized, long invalid, long garbage) {}

  static Stream<Arguments> cases() {
    int cutInEntropy = TestJpegs.entropyStart(B) + 100;
    return Stream.of(
        row("one frame", A, BIG, expect(List.of(A), 0, 0, 0, 0)),
        row("frames back to back", concat(A, B, C), BIG, expect(List.of(A, B, C), 0, 0, 0, 0)),
        row("text before, between and after frames", concat(TEXT, A, TEXT, B, TEXT), BIG,
            expect(List.of(A, B), 0, 0, 0, 3L * TEXT.length)),
        row("restart markers inside the scan", C, BIG, expect(List.of(C), 0, 0, 0, 0)),
        row("EXIF thumbnail does not end the frame", concat(EXIF, B), BIG,
            expect(List.of(EXIF, B), 0, 0, 0, 0)),
        row("frame cut in its scan, then a new frame", concat(cut(B, cutInEntropy), A), BIG,
            expect(List.of(A), 1, 0, 0, 0)),
        row("frame cut inside a header segment, then a new frame", concat(cut(B, 30), A), BIG,
            expect(List.of(A), 0, 0, 1, -1)),
        row("frame cut right after SOI", concat(cut(B, 2), A), BIG,
            expect(List.of(A), 1, 0, 0, 0)),
        row("stream ends inside a frame", concat(A, cut(B, cutInEntropy)), BIG,
            expect(List.of(A), 1, 0, 0, 0)),
        row("frame over the size limit", concat(A, LARGE, A), LARGE.length - 1,
            expect(List.of(A, A), 0, 1, 0, -1)),
        row("image without a frame header", concat(TestJpegs.withoutSegment(B, 0xC0), A), BIG,
            expect(List.of(A), 0, 0, 1, -1)),
        row("SOI and EOI without a scan", concat(hex("FFD8FFE000044A46FFD9"), A), BIG,
            expect(List.of(A), 0, 0, 1, -1)),
        row("FFD8 in noise without a marker after it", concat(hex("00FFD80012FFD9"), A), BIG,
            expect(List.of(A), 0, 0, 0, 7)),
        row("fill bytes before markers", concat(hex("FFFF"), fill(A)), BIG,
            expect(List.of(fill(A)), 0, 0, 0, 2)),
        row("a single frame of another size", concat(A, WIDE, B), BIG,
            expect(List.of(A, B), 0, 0, 1, 0)),
        row("a change of size confirmed by the next frame", concat(A, WIDE, WIDE2, B), BIG,
            expect(List.of(A, WIDE2), 0, 0, 2, 0)),
        row("only garbage", TEXT, BIG, expect(List.of(), 0, 0, 0, TEXT.length)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsWholeInput(String name, byte[] input, int max, Expect expect) {
    check(input, max, expect, input.length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsInputFedOneByteAtATime(String name, byte[] input, int max, Expect expect) {
    check(input, max, expect, 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsInputFedInOddChunks(String name, byte[] input, int max, Expect expect) {
    check(input, max, expect, 7);
  }

  @Test
  void readsAStreamToItsEnd() throws IOException {
    CameraStats stats = new CameraStats();
    List<byte[]> frames = new ArrayList<>();
    new JpegSplitter(BIG, stats, frames::add)
        .readAll(new ByteArrayInputStream(concat(A, TEXT, B, cut(C, 50))));

    assertThat(frames).containsExactly(A, B);
    assertThat(stats.garbageBytes.get()).isEqualTo(TEXT.length);
    assertThat(stats.framesDroppedTruncated.get()).isEqualTo(1);
  }

  @Test
  void refusesATinySizeLimit() {
    assertThatThrownBy(() -> new JpegSplitter(10, new CameraStats(), f -> { }))
        .hasMessageContaining("got 10");
  }

  private static void check(byte[] input, int max, Expect expect, int chunk) {
    CameraStats stats = new CameraStats();
    List<byte[]> frames = new ArrayList<>();
    JpegSplitter splitter = new JpegSplitter(max, stats, frames::add);
    for (int i = 0; i < input.length; i += chunk) {
      splitter.feed(input, i, Math.min(chunk, input.length - i));
    }
    splitter.endOfStream();

    assertThat(frames).containsExactlyElementsOf(expect.frames());
    assertThat(stats.framesDroppedTruncated.get()).as("truncated").isEqualTo(expect.truncated());
    assertThat(stats.framesDroppedOversized.get()).as("oversized").isEqualTo(expect.oversized());
    assertThat(stats.framesDroppedInvalid.get()).as("invalid").isEqualTo(expect.invalid());
    if (expect.garbage() >= 0) {
      assertThat(stats.garbageBytes.get()).as("garbage").isEqualTo(expect.garbage());
    }
    assertThat(splitter.bufferCapacity()).isLessThanOrEqualTo(max);
  }

  private static Arguments row(String name, byte[] input, int max, Expect expect) {
    return Arguments.of(name, input, max, expect);
  }

  private static Expect expect(List<byte[]> frames, long trunc, long over, long inv, long garb) {
    return new Expect(frames, trunc, over, inv, garb);
  }

  private static byte[] cut(byte[] jpeg, int length) {
    return Arrays.copyOf(jpeg, length);
  }

  /** The JPEG with two fill bytes (FF) before its second marker, which the standard allows. */
  private static byte[] fill(byte[] jpeg) {
    return concat(Arrays.copyOf(jpeg, 2), hex("FFFF"), Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }

  static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
