package io.mio;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.mio.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the configured log level and format to Logback at startup and at runtime. */
public final class Logging {

  private Logging() {}

  public static void configure(ServerConfig config) {
    setLevel(config.logLevel());
    if (config.logFormat() == ServerConfig.LogFormat.JSON) {
      useJson();
    }
  }

  /** Changes the level of our own loggers (io.mio); third-party loggers stay at WARN. */
  public static void setLevel(String level) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.getLogger("io.mio").setLevel(Level.toLevel(level, Level.INFO));
  }

  private static void useJson() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(ctx);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(ctx);
    appender.setName("json");
    appender.setEncoder(encoder);
    appender.start();
    root.addAppender(appender);
  }
}
