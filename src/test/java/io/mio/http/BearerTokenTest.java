package io.mio.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

  private final BearerToken token = BearerToken.of("correct-horse-battery-staple");

  @Test
  void matchesTheSameToken() {
    assertThat(token.matches("correct-horse-battery-staple")).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "correct-horse-battery-stapl", "correct-horse-battery-staple ",
      "CORRECT-HORSE-BATTERY-STAPLE", "x"})
  void refusesAnyOtherToken(String presented) {
    assertThat(token.matches(presented)).isFalse();
  }

  @Test
  void refusesABlankExpectedToken() {
    assertThatThrownBy(() -> BearerToken.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsTheTokenInToString() {
    assertThat(token.toString()).doesNotContain("horse");
  }

  @Test
  void readsTheBearerSchemeCaseInsensitively() {
    assertThat(BearerToken.fromHeader("Bearer abc")).contains("abc");
    assertThat(BearerToken.fromHeader("bearer  abc ")).contains("abc");
    assertThat(BearerToken.fromHeader("BEARER abc")).contains("abc");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer    ", "Basic YWJjOmRlZg==", "abc",
      "Bearerabc"})
  void findsNoTokenInOtherHeaders(String header) {
    assertThat(BearerToken.fromHeader(header)).isEmpty();
  }
}
