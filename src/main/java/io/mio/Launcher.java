package io.mio;

import io.mio.config.ConfigReader;
import io.mio.config.UnknownSettings;
import io.mio.management.ManagementConfig;
import io.mio.management.ManagementHub;
import io.mio.webcam.WebcamConfig;
import io.mio.webcam.WebcamNode;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParseResult;

/**
 * Wires a mode from its configuration, runs it until the process is asked to stop, and shuts it
 * down in reverse order. The only place that knows both the webcam and the management side.
 */
final class Launcher {

  private static final Logger LOG = LoggerFactory.getLogger("io.mio.Main");

  private Launcher() {}

  static int webcam(ConfigReader r) {
    WebcamConfig config = WebcamConfig.read(r);
    r.validate();
    Logging.configure(config.server());
    warnUnknownSettings();
    return runUntilStopped("webcam", () -> WebcamNode.start(config));
  }

  static int management(ConfigReader r) {
    ManagementConfig config = ManagementConfig.read(r);
    r.validate();
    Logging.configure(config.server());
    warnUnknownSettings();
    return runUntilStopped("management", () -> ManagementHub.start(config));
  }

  static int demo(ConfigReader r, PrintWriter out) {
    return Demo.run(r, out, Launcher::awaitStop);
  }

  static int check(ConfigReader r, ParseResult args, PrintWriter out) {
    String mode = args.matchedOptionValue("--mode", "webcam");
    Object config = switch (mode) {
      case "webcam" -> WebcamConfig.read(r);
      case "management" -> ManagementConfig.read(r);
      default -> {
        out.println("--mode must be webcam or management, got '" + mode + "'");
        yield null;
      }
    };
    if (config == null) {
      return 2;
    }
    r.validate();
    out.println("configuration is valid for " + mode + ":");
    out.println(Redaction.describe(config));
    UnknownSettings.warnings(System.getenv()).forEach(w -> out.println("warning: " + w));
    return 0;
  }

  private static void warnUnknownSettings() {
    UnknownSettings.warnings(System.getenv()).forEach(w -> LOG.warn("config: {}", w));
  }

  /** Starts something closeable, then blocks until SIGTERM/SIGINT and closes it. */
  static int runUntilStopped(String mode, Starter starter) {
    AutoCloseable running;
    try {
      running = starter.start();
    } catch (Exception e) {
      LOG.error("{} failed to start: {}", mode, e.getMessage(), e);
      return 1;
    }
    awaitStop(running);
    return 0;
  }

  static void awaitStop(AutoCloseable running) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
      LOG.info("stopping");
      try {
        running.close();
      } catch (Exception e) {
        LOG.warn("shutdown was not clean: {}", e.toString());
      }
      stopped.countDown();
    }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts a mode; may throw anything, which is reported as a failed start. */
  @FunctionalInterface
  interface Starter {
    AutoCloseable start() throws Exception;
  }
}
