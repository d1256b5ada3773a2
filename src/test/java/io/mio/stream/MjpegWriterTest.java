package io.mio.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.camera.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MjpegWriterTest {

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

  @Test
  void writesBoundaryFirstThenEachPartFollowedAtOnceByTheNextBoundary() throws Exception {
    MemorySink sink = new MemorySink();
    MjpegWriter writer = new MjpegWriter(sink);

    int opened = writer.open();
    int written = writer.write(new Frame(42, JPEG, 1_700_000_000_123L, 0), false);

    String expectedHead = "--" + MjpegWriter.BOUNDARY + "\r\n"
        + "Content-Type: image/jpeg\r\n"
        + "Content-Length: 7\r\n"
        + "X-Timestamp: 1700000000.123\r\n"
        + "X-Frame-Id: 42\r\n"
        + "\r\n";
    byte[] all = sink.bytes();
    assertThat(new String(all, 0, expectedHead.length(), StandardCharsets.ISO_8859_1))
        .isEqualTo(expectedHead);
    assertThat(java.util.Arrays.copyOfRange(all, expectedHead.length(),
        expectedHead.length() + JPEG.length)).isEqualTo(JPEG);
    assertThat(new String(all, expectedHead.length() + JPEG.length,
        all.length - expectedHead.length() - JPEG.length, StandardCharsets.ISO_8859_1))
        .isEqualTo("\r\n--" + MjpegWriter.BOUNDARY + "\r\n");
    assertThat(opened + written).isEqualTo(all.length);
  }

  @Test
  void writesEachPartAndTheBoundaryAfterItInOneWrite() throws Exception {
    MemorySink sink = new MemorySink();

    new MjpegWriter(sink).write(new Frame(1, JPEG, 0, 0), false);

    assertThat(sink.writes()).isEqualTo(1);
    assertThat(new String(sink.bytes(), StandardCharsets.ISO_8859_1))
        .endsWith("\r\n--" + MjpegWriter.BOUNDARY + "\r\n");
  }

  @Test
  void clientsOfTheSameFrameShareOnePartArray() throws Exception {
    List<byte[]> arrays = new ArrayList<>();
    StreamSink keepArray = buffer -> arrays.add(buffer.array());
    Frame frame = new Frame(7, JPEG, 0, 0);

    new MjpegWriter(keepArray).write(frame, false);
    new MjpegWriter(keepArray).write(frame, false);
    new MjpegWriter(keepArray).write(frame, true);
    new MjpegWriter(keepArray).write(new Frame(8, JPEG, 0, 0), false);

    assertThat(arrays.get(1)).isSameAs(arrays.get(0));
    assertThat(arrays.get(2)).isNotSameAs(arrays.get(0));
    assertThat(arrays.get(3)).isNotSameAs(arrays.get(0));
  }

  @Test
  void aFrameOverTheJoinLimitIsSentFromItsOwnArrayWithoutACopy() throws Exception {
    byte[] big = new byte[MjpegWriter.MAX_JOINED_JPEG + 1];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    List<byte[]> arrays = new ArrayList<>();
    MemorySink sink = new MemorySink();
    StreamSink both = buffer -> {
      arrays.add(buffer.array());
      sink.write(buffer);
    };

    int written = new MjpegWriter(both).write(new Frame(3, big, 0, 0), false);

    assertThat(arrays).hasSize(3);
    assertThat(arrays.get(1)).isSameAs(big);
    assertThat(new String(arrays.get(0), StandardCharsets.ISO_8859_1))
        .contains("Content-Length: " + big.length + "\r\n").endsWith("\r\n\r\n");
    assertThat(new String(arrays.get(2), StandardCharsets.ISO_8859_1))
        .isEqualTo("\r\n--" + MjpegWriter.BOUNDARY + "\r\n");
    assertThat(written).isEqualTo(sink.bytes().length);
  }

  @Test
  void marksARepeatedFrameStale() {
    String part = new String(MjpegWriter.part(new Frame(9, JPEG, 5, 0), true),
        StandardCharsets.ISO_8859_1);

    assertThat(part).contains("X-Frame-Id: 9\r\nX-Frame-Stale: true\r\n\r\n");
  }

  @Test
  void contentTypeNamesTheBoundary() {
    assertThat(MjpegWriter.CONTENT_TYPE)
        .isEqualTo("multipart/x-mixed-replace; boundary=" + MjpegWriter.BOUNDARY);
  }

  @ParameterizedTest
  @CsvSource({
      "1700000000123, 1700000000.123",
      "1700000000000, 1700000000.000",
      "1700000000005, 1700000000.005",
      "999, 0.999"})
  void timestampIsEpochSecondsWithMillis(long millis, String text) {
    assertThat(MjpegWriter.epochSeconds(millis)).isEqualTo(text);
  }
}
