package io.mio;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Logback's default configuration, set up in code instead of from an XML file: one console line
 * per event, our loggers (io.mio) at INFO and everything else at WARN. Parsing XML at start-up
 * cost about 0.3 s and 600 classes. A file named by {@code -Dlogback.configurationFile} still
 * takes over when it exists; {@link Logging} applies MIO_LOG_LEVEL and MIO_LOG_FORMAT afterwards.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

  static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%logger{0}] %msg%n%ex{short}";

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    String file = System.getProperty(CONFIG_FILE_PROPERTY);
    if (file != null && usable(file)) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    if (file != null) {
      // Logback's own fallback for a missing file logs everything at DEBUG, headers included.
      System.err.println("mio: -D" + CONFIG_FILE_PROPERTY + "=" + file + " names no readable"
          + " file or resource; using the built-in log settings");
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(ctx);
    appender.setName("console");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    ctx.getLogger("io.mio").setLevel(Level.INFO);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** A URL, a readable file or a class-path resource, as Logback accepts. */
  static boolean usable(String file) {
    if (file.isBlank()) {
      return false;
    }
    if (file.contains(":/")) {
      return true;
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      return false;
    }
    return Files.isRegularFile(path) && Files.isReadable(path)
        || LogSetup.class.getClassLoader().getResource(file) != null;
  }
}
