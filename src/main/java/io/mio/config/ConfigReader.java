package io.mio.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed settings from flags (which win) and {@code MIO_*} environment variables,
 * collecting every problem so that startup can refuse once with a complete list.
 *
 * <p>Typical use: read every field, then call {@link #validate()}. Not thread-safe; build one
 * per configuration load.
 */
public final class ConfigReader {

  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  private ConfigReader(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @param env the process environment (only {@code MIO_*} names are used)
   * @param flags values given on the command line, keyed by environment variable name
   */
  public static ConfigReader of(Map<String, String> env, Map<String, String> flags) {
    Map<String, String> merged = new HashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith("MIO_")) {
        merged.put(k, v);
      }
    });
    merged.putAll(flags);
    return new ConfigReader(merged);
  }

  /**
   * True when the key was given a value (flag or environment). An empty or blank value counts as
   * unset, as everywhere else here: an env file line {@code MIO_FPS=} means "the default", and
   * must not pin the setting.
   */
  public boolean isSet(ConfigKey key) {
    return raw(key).isPresent();
  }

  /** The raw text, trimmed, or empty when unset or blank. */
  public Optional<String> raw(ConfigKey key) {
    String v = values.get(key.env());
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String string(ConfigKey key, String fallback) {
    return raw(key).orElse(fallback);
  }

  public int integer(ConfigKey key, int fallback, int min, int max) {
    return parsed(key, fallback, text -> {
      int v;
      try {
        v = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number " + min + "-" + max);
      }
      if (v < min || v > max) {
        throw new IllegalArgumentException("must be " + min + "-" + max);
      }
      return v;
    });
  }

  /** A duration given in (possibly fractional) seconds. */
  public Duration seconds(ConfigKey key, Duration fallback, Duration min, Duration max) {
    return parsed(key, fallback, text -> {
      double s;
      try {
        s = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number of seconds " + range(min, max));
      }
      Duration d = Duration.ofNanos((long) (s * 1e9));
      if (Double.isNaN(s) || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException("must be " + range(min, max) + " seconds");
      }
      return d;
    });
  }

  public boolean bool(ConfigKey key, boolean fallback) {
    return parsed(key, fallback, text -> switch (text.toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    });
  }

  /** One of a closed set of lower-case words. */
  public <E extends Enum<E>> E choice(ConfigKey key, E fallback, Class<E> type) {
    return parsed(key, fallback, text -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(text)) {
          return e;
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException("must be one of " + String.join(", ", names));
    });
  }

  /**
   * Parses with a function that throws {@link IllegalArgumentException} whose message states the
   * rule; the problem recorded names the variable and quotes the bad value.
   */
  public <T> T parsed(ConfigKey key, T fallback, Function<String, T> parser) {
    Optional<String> text = raw(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return parser.apply(text.get());
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage() + ", got '" + UrlCredentials.mask(text.get()) + "'");
      return fallback;
    }
  }

  /** Records a problem found by a cross-field check. */
  public void problem(ConfigKey key, String message) {
    problems.add(key.env() + " (" + key.flag() + ") " + message);
  }

  /** Throws a {@link ConfigException} listing every problem recorded so far, if any. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static String range(Duration min, Duration max) {
    return (min.toMillis() / 1000.0) + "-" + (max.toMillis() / 1000.0);
  }
}
