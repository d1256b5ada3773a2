package io.mio.webcam;

import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How a webcam node is controlled: where runtime settings are stored, which of them the
 * environment pins, and the credentials that guard settings, actions and the stream.
 *
 * @param settingsPath {@code MIO_SETTINGS_PATH}, by default {@code <data dir>/settings.json}
 * @param pinned settings given by flag or environment variable; the API cannot change them
 * @param adminToken {@code MIO_WEBCAM_AUTH_TOKEN}, if set
 * @param streamAuth {@code MIO_STREAM_AUTH}
 */
public record ControlConfig(
    Path settingsPath, Set<Setting> pinned, Optional<String> adminToken, StreamAuth streamAuth) {

  public ControlConfig {
    pinned = pinned.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pinned));
  }

  public static ControlConfig read(ConfigReader r, Path dataDir) {
    Path path = r.parsed(ConfigKeys.SETTINGS_PATH, dataDir.resolve("settings.json"), Path::of);
    Set<Setting> pinned = EnumSet.noneOf(Setting.class);
    for (Setting s : Setting.values()) {
      if (r.isSet(s.key())) {
        pinned.add(s);
      }
    }
    Optional<String> token = r.raw(ConfigKeys.WEBCAM_AUTH_TOKEN);
    token.filter(t -> !t.chars().allMatch(c -> c > 0x20 && c < 0x7f)).ifPresent(t -> r.problem(
        ConfigKeys.WEBCAM_AUTH_TOKEN, "must be visible ASCII characters without spaces (the value"
            + " is not shown)"));
    return new ControlConfig(path, pinned, token, streamAuth(r, token));
  }

  // Read by hand: ConfigReader.parsed would quote the value, and this one holds a secret.
  private static StreamAuth streamAuth(ConfigReader r, Optional<String> adminToken) {
    Optional<String> text = r.raw(ConfigKeys.STREAM_AUTH);
    if (text.isEmpty()) {
      return StreamAuth.NONE;
    }
    try {
      StreamAuth auth = StreamAuth.parse(text.get());
      if (adminToken.isPresent() && auth.matchesBearer(adminToken.get())) {
        r.problem(ConfigKeys.STREAM_AUTH, "must not use the same token as MIO_WEBCAM_AUTH_TOKEN:"
            + " the stream credential is shared with viewers and must not unlock settings");
      }
      return auth;
    } catch (IllegalArgumentException e) {
      r.problem(ConfigKeys.STREAM_AUTH, e.getMessage());
      return StreamAuth.NONE;
    }
  }

  /** One line for the startup log: what protects what, never a secret. */
  String describe(java.util.List<String> corsOrigins) {
    return "state-changing routes: " + (adminToken.isPresent()
        ? "bearer token (MIO_WEBCAM_AUTH_TOKEN)" : "loopback only (no MIO_WEBCAM_AUTH_TOKEN)")
        + "; stream_auth=" + streamAuth.mode().word()
        + " cors=" + (corsOrigins.isEmpty() ? "off" : String.join(",", corsOrigins));
  }
}
