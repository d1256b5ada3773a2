package io.mio.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCredentialsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ffmpeg -i rtsp://admin:RtspPass@10.0.0.5/x -f mjpeg - | ffmpeg -i rtsp://***@10.0.0.5/x -f mjpeg -",
      "got 'http://u:AdvPass@hub:8001' | got 'http://***@hub:8001'",
      "HTTPS://user@host/path | HTTPS://***@host/path",
      "[rtsp @ 0x55] method DESCRIBE failed: rtsp://a:b@h:554/s | [rtsp @ 0x55] method DESCRIBE failed: rtsp://***@h:554/s",
      "no url here, user@example.org | no url here, user@example.org",
      "http://host:8000/path@x | http://host:8000/path@x"})
  void masksUserInfoOfEveryUrlAndNothingElse(String text, String masked) {
    assertThat(UrlCredentials.mask(text)).isEqualTo(masked);
  }
}
