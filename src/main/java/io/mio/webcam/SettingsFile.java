package io.mio.webcam;

import io.mio.config.AtomicFile;
import io.mio.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings changed through the API, kept as {@code {"schema":1,"settings":{...}}} at
 * {@code MIO_SETTINGS_PATH}. Only the overrides are stored, not the whole effective set, so a
 * setting never changed keeps following its default. Values are checked with the same rules as
 * the API; a file that breaks them is reported, never guessed at and never overwritten. The
 * bytes last read or written are remembered so that an edit made while the node runs is noticed
 * before the next write ({@link #changed()}).
 */
final class SettingsFile {

  static final int SCHEMA = 1;

  private final Path path;
  /** The bytes last read or written; null: no file. Used under the store's lock only. */
  private byte[] known;

  SettingsFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** The stored overrides; empty when the file does not exist. */
  Map<Setting, Object> read() throws Invalid {
    byte[] bytes = load();
    known = bytes;
    return bytes == null ? new EnumMap<>(Setting.class) : decode(bytes);
  }

  /**
   * The stored overrides if the file is no longer what this node last read or wrote (edited by
   * hand, replaced or deleted), else empty. Throws if the changed file is not valid.
   */
  Optional<Map<Setting, Object>> changed() throws Invalid {
    byte[] bytes = load();
    if (Arrays.equals(bytes, known)) {
      return Optional.empty();
    }
    Map<Setting, Object> stored = bytes == null ? new EnumMap<>(Setting.class) : decode(bytes);
    known = bytes;
    return Optional.of(stored);
  }

  /** Replaces the file atomically with these overrides. */
  void write(Map<Setting, Object> overrides) throws IOException {
    byte[] bytes = encode(overrides);
    AtomicFile.write(path, bytes, false);
    known = bytes;
  }

  /** The file's bytes, or null when it does not exist. */
  private byte[] load() throws Invalid {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new Invalid("it cannot be read (" + e + ")");
    }
  }

  static byte[] encode(Map<Setting, Object> overrides) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    ObjectNode settings = root.putObject("settings");
    for (Setting s : Setting.values()) {
      if (overrides.containsKey(s)) {
        settings.set(s.json(), Json.MAPPER.valueToTree(RuntimeSettings.json(overrides.get(s))));
      }
    }
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static Map<Setting, Object> decode(byte[] bytes) throws Invalid {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new Invalid("it is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject() || root.path("schema").asInt(0) != SCHEMA
        || !root.path("settings").isObject()) {
      throw new Invalid("expected {\"schema\":" + SCHEMA + ",\"settings\":{...}}");
    }
    Map<Setting, Object> out = new EnumMap<>(Setting.class);
    for (var field : root.get("settings").properties()) {
      Setting s = Setting.byJson(field.getKey()).orElseThrow(() -> new Invalid(
          "\"" + field.getKey() + "\" is not a setting (known: " + Setting.names() + ")"));
      try {
        out.put(s, s.parse(field.getValue()));
      } catch (IllegalArgumentException e) {
        throw new Invalid(e.getMessage());
      }
    }
    return out;
  }

  /** The file exists but does not hold valid settings; the message says what is wrong. */
  static final class Invalid extends RuntimeException {

    Invalid(String problem) {
      super(problem, null, false, false);
    }
  }
}
