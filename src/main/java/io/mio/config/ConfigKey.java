package io.mio.config;

import java.util.Locale;

/**
 * One setting that can come from an {@code MIO_*} environment variable or the matching
 * command-line flag ({@code MIO_JPEG_QUALITY} and {@code --jpeg-quality}).
 *
 * @param env the environment variable name
 * @param defaultText the default as shown in help, or empty when there is none
 * @param description one line for {@code --help} and the docs
 */
public record ConfigKey(String env, String defaultText, String description) {

  public ConfigKey {
    if (!env.matches("MIO_[A-Z0-9_]+")) {
      throw new IllegalArgumentException("config key must look like MIO_NAME, got " + env);
    }
  }

  /** The command-line flag: {@code MIO_JPEG_QUALITY} becomes {@code --jpeg-quality}. */
  public String flag() {
    return "--" + env.substring(4).toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
