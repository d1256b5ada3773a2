package io.mio;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.MioProcess;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of the real jar: invalid settings stop startup with one clear message. */
class CliIT {

  @Test
  void invalidSettingsStopStartupListingEveryBadValue() throws Exception {
    try (MioProcess p = MioProcess.webcam()
        .env("MIO_RESOLUTION", "640x").env("MIO_FPS", "abc").env("MIO_JPEG_QUALITY", "101")
        .env("MIO_CAMERA", "webcam9000").noWait().start()) {
      int code = p.awaitExit(Duration.ofSeconds(20));

      assertThat(code).isNotZero();
      assertThat(p.logText())
          .contains("MIO_RESOLUTION").contains("640x")
          .contains("MIO_FPS").contains("abc")
          .contains("MIO_JPEG_QUALITY").contains("101")
          .contains("MIO_CAMERA").contains("webcam9000");
    }
  }

  @Test
  void zeroFpsIsRefusedWithItsRange() throws Exception {
    try (MioProcess p = MioProcess.webcam().env("MIO_FPS", "0").noWait().start()) {
      assertThat(p.awaitExit(Duration.ofSeconds(20))).isNotZero();
      assertThat(p.logText()).contains("MIO_FPS (--fps) must be 1-120, got '0'");
    }
  }

  @Test
  void configCheckAcceptsValidSettingsAndHidesSecrets() throws Exception {
    try (MioProcess p = MioProcess.command("config", "check", "--mode", "management")
        .env("MIO_MANAGEMENT_AUTH_TOKEN", "s3cret-token-value").noWait().start()) {
      assertThat(p.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(p.logText()).contains("valid").doesNotContain("s3cret-token-value");
    }
  }

  @Test
  void flagsWinOverEnvironment() throws Exception {
    try (MioProcess p = MioProcess.command("config", "check", "--fps", "0")
        .env("MIO_FPS", "15").noWait().start()) {
      assertThat(p.awaitExit(Duration.ofSeconds(20))).isNotZero();
      assertThat(p.logText()).contains("got '0'");
    }
  }

  @Test
  void aMisspeltSettingIsReportedAtStartAndByConfigCheck() throws Exception {
    try (MioProcess check = MioProcess.command("config", "check").env("MIO_FSP", "10")
        .noWait().start()) {
      assertThat(check.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(check.logText()).contains("warning: MIO_FSP is not a motion-in-ocean setting"
          + " and is ignored; did you mean MIO_FPS?");
    }
    try (MioProcess node = MioProcess.webcam().env("MIO_CAMERA", "mock")
        .env("MIO_DATA_DIR", Files.createTempDirectory("mio-cli-it").toString())
        .env("MIO_RESOLUTON", "640x480").start()) {
      assertThat(node.logText()).contains("WARN  [Main] config: MIO_RESOLUTON is not a"
          + " motion-in-ocean setting and is ignored; did you mean MIO_RESOLUTION?");
    }
  }

  @Test
  void aLogbackFileThatDoesNotExistKeepsTheBuiltInLogSettings() throws Exception {
    try (MioProcess node = MioProcess.webcam().env("MIO_CAMERA", "mock")
        .env("MIO_DATA_DIR", Files.createTempDirectory("mio-cli-it").toString())
        .env("MIO_WEBCAM_AUTH_TOKEN", "logged-token-must-not-appear-1234")
        .jvmArg("-Dlogback.configurationFile=/nonexistent/typo.xml").start()) {
      node.send(HttpRequest.newBuilder(node.uri("/api/v1/settings"))
          .header("Authorization", "Bearer logged-token-must-not-appear-1234"));

      assertThat(node.logText()).contains("names no readable file or resource")
          .contains("webcam started").doesNotContain("DEBUG")
          .doesNotContain("logged-token-must-not-appear-1234");
    }
  }

  @Test
  void everySubcommandPrintsTheVersion() throws Exception {
    for (String command : List.of("webcam", "management", "healthcheck", "aot-train")) {
      try (MioProcess p = MioProcess.command(command, "-V").noWait().start()) {
        assertThat(p.awaitExit(Duration.ofSeconds(20))).as(command).isZero();
        assertThat(p.logText()).as(command).startsWith("motion-in-ocean ");
      }
    }
  }
}
