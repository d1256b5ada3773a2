package io.mio.webcam;

import io.mio.config.ConfigKey;
import io.mio.config.ConfigKeys;
import io.mio.config.Resolution;
import io.mio.webcam.RuntimeSettings.LogLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One runtime setting of a webcam node: its JSON name in {@code /api/v1/settings}, the
 * environment variable that pins it, and the rule a new value must pass. The ranges are the same
 * as at startup, so a value the API accepts is a value the node could have started with.
 */
enum Setting {
  RESOLUTION("resolution", ConfigKeys.RESOLUTION),
  FPS("fps", ConfigKeys.FPS),
  JPEG_QUALITY("jpeg_quality", ConfigKeys.JPEG_QUALITY),
  MAX_STREAM_CONNECTIONS("max_stream_connections", ConfigKeys.MAX_STREAM_CONNECTIONS),
  MAX_FRAME_AGE_SECONDS("max_frame_age_seconds", ConfigKeys.MAX_FRAME_AGE_SECONDS),
  LOG_LEVEL("log_level", ConfigKeys.LOG_LEVEL);

  static final int MAX_CONNECTIONS = 2000;
  static final int MAX_FRAME_AGE = 600;

  private final String json;
  private final ConfigKey key;

  Setting(String json, ConfigKey key) {
    this.json = json;
    this.key = key;
  }

  /** The name in JSON bodies, e.g. {@code jpeg_quality}. */
  String json() {
    return json;
  }

  /** The environment variable (and flag) that pins this setting when given. */
  ConfigKey key() {
    return key;
  }

  static Optional<Setting> byJson(String name) {
    return Arrays.stream(values()).filter(s -> s.json.equals(name)).findFirst();
  }

  static String names() {
    return String.join(", ", Arrays.stream(values()).map(Setting::json).toList());
  }

  /**
   * The typed value of a JSON field: {@link Resolution}, {@link Integer}, {@link Duration} or
   * {@link LogLevel}. Throws {@link IllegalArgumentException} whose message names the field, the
   * rule and the bad value.
   */
  Object parse(JsonNode v) {
    return switch (this) {
      case RESOLUTION -> resolution(v);
      case FPS -> whole(v, 1, 120);
      case JPEG_QUALITY -> whole(v, 1, 100);
      case MAX_STREAM_CONNECTIONS -> whole(v, 1, MAX_CONNECTIONS);
      case MAX_FRAME_AGE_SECONDS -> seconds(v);
      case LOG_LEVEL -> level(v);
    };
  }

  private Resolution resolution(JsonNode v) {
    String text = text(v, "a string like \"1280x720\"");
    try {
      return Resolution.parse(text);
    } catch (IllegalArgumentException e) {
      throw rule("must be WIDTHxHEIGHT with sides " + Resolution.MIN + "-" + Resolution.MAX
          + ", like \"1280x720\"", quoted(text));
    }
  }

  private int whole(JsonNode v, int min, int max) {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw rule("must be a whole number " + min + "-" + max, shown(v));
    }
    int i = v.intValue();
    if (i < min || i > max) {
      throw rule("must be " + min + "-" + max, Integer.toString(i));
    }
    return i;
  }

  private Duration seconds(JsonNode v) {
    if (!v.isNumber()) {
      throw rule("must be a number of seconds 1-" + MAX_FRAME_AGE, shown(v));
    }
    BigDecimal s = v.decimalValue();
    if (s.compareTo(BigDecimal.ONE) < 0 || s.compareTo(BigDecimal.valueOf(MAX_FRAME_AGE)) > 0) {
      throw rule("must be 1-" + MAX_FRAME_AGE + " seconds", s.toPlainString());
    }
    return Duration.ofMillis(s.movePointRight(3).longValue());
  }

  private LogLevel level(JsonNode v) {
    String text = text(v, "one of " + LogLevel.names());
    return LogLevel.parse(text).orElseThrow(
        () -> rule("must be one of " + LogLevel.names(), quoted(text)));
  }

  private String text(JsonNode v, String expected) {
    if (!v.isString()) {
      throw rule("must be " + expected, shown(v));
    }
    return v.stringValue();
  }

  private IllegalArgumentException rule(String rule, String got) {
    return new IllegalArgumentException(json + " " + rule + ", got " + got);
  }

  private static String shown(JsonNode v) {
    String kind = v.getNodeType().name().toLowerCase(Locale.ROOT);
    String text = v.toString();
    return (text.length() > 40 ? text.substring(0, 40) + "..." : text) + " (" + kind + ")";
  }

  private static String quoted(String text) {
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
  }
}
