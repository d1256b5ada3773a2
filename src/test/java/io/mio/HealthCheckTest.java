package io.mio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mio.config.ConfigReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
