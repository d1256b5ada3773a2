package io.mio.webcam;

import io.mio.camera.CameraSettings;
import io.mio.config.Resolution;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a webcam node that can change while it runs, as one immutable value: what the
 * camera is asked for, how many stream clients are served, how old a frame may be, and how much
 * is logged. {@link SettingsStore} holds the one in force.
 *
 * @param maxFrameAge a newest frame older than this makes the node not ready
 */
public record RuntimeSettings(
    Resolution resolution,
    int fps,
    int jpegQuality,
    int maxStreamConnections,
    Duration maxFrameAge,
    LogLevel logLevel) {

  /** The levels {@code log_level} accepts; JSON and env use the lower-case names. */
  public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<LogLevel> parse(String text) {
      return Arrays.stream(values()).filter(l -> l.word().equals(text)).findFirst();
    }

    static String names() {
      return String.join(", ", Arrays.stream(values()).map(LogLevel::word).toList());
    }
  }

  /** The camera part, as {@link io.mio.camera.FrameSource#reconfigure} takes it. */
  public CameraSettings camera() {
    return new CameraSettings(resolution, fps, jpegQuality);
  }

  /** A copy with one setting changed; {@code value} has the type {@link Setting#parse} gives. */
  RuntimeSettings with(Setting setting, Object value) {
    return new RuntimeSettings(
        setting == Setting.RESOLUTION ? (Resolution) value : resolution,
        setting == Setting.FPS ? (Integer) value : fps,
        setting == Setting.JPEG_QUALITY ? (Integer) value : jpegQuality,
        setting == Setting.MAX_STREAM_CONNECTIONS ? (Integer) value : maxStreamConnections,
        setting == Setting.MAX_FRAME_AGE_SECONDS ? (Duration) value : maxFrameAge,
        setting == Setting.LOG_LEVEL ? (LogLevel) value : logLevel);
  }

  /** The typed value of one setting, comparable with what {@link Setting#parse} returns. */
  Object value(Setting setting) {
    return switch (setting) {
      case RESOLUTION -> resolution;
      case FPS -> fps;
      case JPEG_QUALITY -> jpegQuality;
      case MAX_STREAM_CONNECTIONS -> maxStreamConnections;
      case MAX_FRAME_AGE_SECONDS -> maxFrameAge;
      case LOG_LEVEL -> logLevel;
    };
  }

  /** Every setting under its JSON name, in {@link Setting} order. */
  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Setting s : Setting.values()) {
      out.put(s.json(), json(value(s)));
    }
    return out;
  }

  /** The JSON form of a typed value: text for sizes and levels, a number of seconds for ages. */
  static Object json(Object value) {
    return switch (value) {
      case Resolution r -> r.toString();
      case LogLevel l -> l.word();
      case Duration d -> d.toMillis() % 1000 == 0 ? (Object) d.toSeconds() : d.toMillis() / 1000.0;
      default -> value;
    };
  }
}
