package io.mio.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.TestFrames;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JpegSizeTest {

  @Test
  void readsWidthAndHeightFromTheFrameHeader() {
    assertThat(JpegSize.text(TestFrames.jpeg(640, 360, 1))).contains("640x360");
    assertThat(JpegSize.text(TestFrames.jpeg(17, 4000, 2))).contains("17x4000");
  }

  @Test
  void yieldsNothingForBytesThatAreNotAJpegWithAFrameHeader() {
    byte[] jpeg = TestFrames.jpeg(64, 48, 3);

    assertThat(JpegSize.of(new byte[0])).isEmpty();
    assertThat(JpegSize.of(new byte[] {1, 2, 3, 4, 5})).isEmpty();
    assertThat(JpegSize.of(Arrays.copyOf(jpeg, 30))).isEmpty();
    assertThat(JpegSize.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0}))
        .isEmpty();
  }
}
