package io.mio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {

  @TempDir
  Path tmp;

  @Test
  void aReadableFileAResourceOrAUrlIsHandedToLogback() throws IOException {
    Path file = Files.writeString(tmp.resolve("logback.xml"), "<configuration/>");

    assertThat(LogSetup.usable(file.toString())).isTrue();
    assertThat(LogSetup.usable("archunit.properties")).as("class-path resource").isTrue();
    assertThat(LogSetup.usable("file:///etc/mio/logback.xml")).as("URL").isTrue();
  }

  @Test
  void aMissingOrBlankNameKeepsTheBuiltInSettings() {
    assertThat(LogSetup.usable(tmp.resolve("typo.xml").toString())).isFalse();
    assertThat(LogSetup.usable("")).isFalse();
    assertThat(LogSetup.usable("  ")).isFalse();
    assertThat(LogSetup.usable(tmp.toString())).as("a directory").isFalse();
    assertThat(LogSetup.usable("bad\0name")).isFalse();
  }
}
