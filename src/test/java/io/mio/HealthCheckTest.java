package io.mio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mio.config.ConfigReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class HealthCheckTest {

  private static ParseResult parse(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "healthcheck";
    System.arraycopy(args, 0, all, 1, args.length);
    return new CommandLine(Main.root()).parseArgs(all).subcommand();
  }

  private static String url(Map<String, String> env, String... args) {
    ParseResult p = parse(args);
    return HealthCheck.url(p, ConfigReader.of(env, Map.of()),
        p.matchedOptionValue("--mode", "webcam"));
  }

  @Test
  void asksTheWebcamPortByDefault() {
    assertThat(url(Map.of())).isEqualTo("http://127.0.0.1:8000/health");
  }

  @Test
  void asksTheHubPortInManagementMode() {
    assertThat(url(Map.of(), "--mode", "management")).isEqualTo("http://127.0.0.1:8001/health");
    assertThat(url(Map.of("MIO_PORT", ""), "--mode", "management", "--ready"))
        .isEqualTo("http://127.0.0.1:8001/ready");
  }

  @Test
  void mioPortWinsOverTheModeDefault() {
    assertThat(url(Map.of("MIO_PORT", "9100"), "--mode", "management"))
        .isEqualTo("http://127.0.0.1:9100/health");
  }

  @Test
  void treatsUrlAsTheBaseAndAppendsTheCheckedPath() {
    assertThat(url(Map.of(), "--url", "http://10.0.0.5:9000")).isEqualTo(
        "http://10.0.0.5:9000/health");
    assertThat(url(Map.of(), "--url", "http://10.0.0.5:9000/", "--ready")).isEqualTo(
        "http://10.0.0.5:9000/ready");
  }

  @Test
  void asksTheBindHostWhenItIsOneAddress() {
    assertThat(url(Map.of("MIO_BIND_HOST", "127.0.0.2", "MIO_PORT", "9100")))
        .isEqualTo("http://127.0.0.2:9100/health");
    assertThat(url(Map.of("MIO_BIND_HOST", "::1"))).isEqualTo("http://[::1]:8000/health");
    assertThat(url(Map.of("MIO_BIND_HOST", "0.0.0.0"))).isEqualTo("http://127.0.0.1:8000/health");
    assertThat(url(Map.of("MIO_BIND_HOST", "::"))).isEqualTo("http://127.0.0.1:8000/health");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "0"})
  void namesTimeoutWhenTheTimeoutIsNotPositive(String timeout) {
    StringWriter err = new StringWriter();

    int exit = HealthCheck.run(parse("--timeout", timeout), ConfigReader.of(Map.of(), Map.of()),
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--timeout must be more than 0").doesNotContain("--url");
  }

  @Test
  void hangsUpAfterTheBodyLimitInsteadOfReadingAHugeAnswer() throws Exception {
    AtomicBoolean hungUp = new AtomicBoolean();
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", ex -> {
      ex.sendResponseHeaders(503, 0);
      byte[] chunk = new byte[8192];
      try (OutputStream body = ex.getResponseBody()) {
        for (int i = 0; i < 4096; i++) {
          body.write(chunk);
        }
      } catch (IOException e) {
        hungUp.set(true);
      }
    });
    server.start();
    StringWriter err = new StringWriter();
    try {
      int exit = HealthCheck.run(parse("--timeout", "20"), ConfigReader.of(Map.of("MIO_PORT",
          Integer.toString(server.getAddress().getPort())), Map.of()),
          new PrintWriter(new StringWriter()), new PrintWriter(err, true));
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString()).contains("answered 503");
      await().atMost(Duration.ofSeconds(10)).untilTrue(hungUp);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void refusesAnUnknownMode() {
    StringWriter err = new StringWriter();

    int exit = HealthCheck.run(parse("--mode", "hub"), ConfigReader.of(Map.of(), Map.of()),
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--mode must be webcam or management, got 'hub'");
  }

  @Test
  void exitsZeroWhenTheHubAnswersAndOneWhenItDoesNot() throws Exception {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", ex -> {
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.start();
    int port = server.getAddress().getPort();
    try {
      assertThat(check(port)).isZero();
    } finally {
      server.stop(0);
    }
    assertThat(check(port)).isEqualTo(1);
  }

  private static int check(int port) {
    return HealthCheck.run(parse("--mode", "management", "--timeout", "2"),
        ConfigReader.of(Map.of("MIO_PORT", Integer.toString(port)), Map.of()),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }
}
