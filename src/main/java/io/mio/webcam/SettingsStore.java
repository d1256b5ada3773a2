package io.mio.webcam;

import io.mio.http.ApiException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * The runtime settings in force and the rules for changing them. Precedence, per setting: a value
 * given by flag or environment variable (the setting is then <em>pinned</em>) wins over one
 * stored through the API, which wins over the default.
 *
 * <p>A change is checked completely before anything happens: any invalid or unknown field fails
 * the whole request and the stored file stays byte-identical. A valid change is written to the
 * file first and only then applied, so what runs is always what a restart would bring back.
 * Before each write the file is read again, so an edit by hand or a corruption while the node
 * runs is never overwritten ({@link #reloadIfEdited()}).
 *
 * <p>Thread-safe: changes are serialised on this object; readers see {@link #current()} through
 * a volatile field.
 */
final class SettingsStore {

  private final SettingsFile file;
  private final RuntimeSettings base;
  private final Set<Setting> pinned;
  /** Guarded by {@code this}. */
  private Map<Setting, Object> overrides;
  /** Why the file could not be used; writes are refused while set. Guarded by {@code this}. */
  private String fileProblem;
  private volatile RuntimeSettings current;
  private volatile BiConsumer<RuntimeSettings, RuntimeSettings> onChange = (a, b) -> { };

  /**
   * @param base the values from flags, environment and defaults
   * @param pinned the settings given by flag or environment variable
   */
  SettingsStore(SettingsFile file, RuntimeSettings base, Set<Setting> pinned) {
    this.file = file;
    this.base = base;
    this.pinned = pinned.isEmpty() ? EnumSet.noneOf(Setting.class) : EnumSet.copyOf(pinned);
    try {
      this.overrides = file.read();
    } catch (SettingsFile.Invalid e) {
      this.overrides = new EnumMap<>(Setting.class);
      this.fileProblem = e.getMessage();
    }
    this.current = effective(overrides);
  }

  RuntimeSettings current() {
    return current;
  }

  Set<Setting> pinned() {
    return pinned;
  }

  SettingsFile file() {
    return file;
  }

  /** Why the stored settings were ignored at start, if they were. */
  synchronized Optional<String> fileProblem() {
    return Optional.ofNullable(fileProblem);
  }

  /** Called with (old, new) after each change that was stored; replaces any earlier listener. */
  void onChange(BiConsumer<RuntimeSettings, RuntimeSettings> listener) {
    this.onChange = listener;
  }

  /**
   * Applies a JSON object of changes; {@code null} resets a setting to its default. Answers 400
   * {@code VALIDATION_ERROR} for bad fields, 409 {@code SETTING_PINNED} for changing a pinned
   * setting, 500 when the file cannot be used or written; in each case nothing changes.
   */
  synchronized RuntimeSettings patch(JsonNode body) {
    Map<Setting, Optional<Object>> changes = SettingsPatch.read(body);
    refusePinned(changes);
    reloadIfEdited();
    Map<Setting, Object> next = new EnumMap<>(overrides);
    changes.forEach((s, v) -> v.ifPresentOrElse(value -> next.put(s, value), () -> next.remove(s)));
    if (next.equals(overrides)) {
      return current;
    }
    write(next);
    RuntimeSettings old = current;
    overrides = next;
    current = effective(next);
    onChange.accept(old, current);
    return current;
  }

  /**
   * Re-reads the file before writing it. A file edited by hand while the node runs is loaded as
   * the settings in force and this change is refused (409): writing it on top could overwrite
   * what the operator just typed, and a client that read the old settings should look again.
   * A file that no longer parses is left untouched (500).
   */
  private void reloadIfEdited() {
    try {
      Optional<Map<Setting, Object>> edited = file.changed();
      if (edited.isPresent()) {
        fileProblem = null;
        RuntimeSettings old = current;
        overrides = edited.get();
        current = effective(overrides);
        if (!old.equals(current)) {
          onChange.accept(old, current);
        }
        throw new ApiException(409, "SETTINGS_FILE_CHANGED", "the settings file " + file.path()
            + " was changed outside this node since it was last read; the node now runs with"
            + " that file and did not apply this change. Check GET /api/v1/settings and send"
            + " the change again", Map.of("path", file.path().toString()));
      }
    } catch (SettingsFile.Invalid e) {
      fileProblem = e.getMessage();
    }
    if (fileProblem != null) {
      throw new ApiException(500, "SETTINGS_FILE_INVALID", "the settings file " + file.path()
          + " is not valid (" + fileProblem + "), so it is not overwritten; fix or delete it,"
          + " then send the change again", Map.of("path", file.path().toString()));
    }
  }

  private void refusePinned(Map<Setting, Optional<Object>> changes) {
    Map<String, String> refused = new LinkedHashMap<>();
    changes.forEach((s, v) -> {
      // Sending the value in force back (a form that posts every field) is not a change.
      if (pinned.contains(s) && !v.equals(Optional.of(current.value(s)))) {
        refused.put(s.json(), s.json() + " is pinned by " + s.key().env() + " (or "
            + s.key().flag() + "); remove that from the node's environment or command line to"
            + " change it here");
      }
    });
    if (!refused.isEmpty()) {
      throw new ApiException(409, "SETTING_PINNED", refused.values().iterator().next()
          + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : ""),
          Map.of("fields", refused));
    }
  }

  private void write(Map<Setting, Object> next) {
    try {
      file.write(next);
    } catch (IOException e) {
      throw new ApiException(500, "SETTINGS_WRITE_FAILED", "the settings could not be saved to "
          + file.path() + " (" + e.getMessage() + "); nothing was changed. Check free space and"
          + " permissions, then retry", Map.of("path", file.path().toString()));
    }
  }

  private RuntimeSettings effective(Map<Setting, Object> stored) {
    RuntimeSettings s = base;
    for (var e : stored.entrySet()) {
      if (!pinned.contains(e.getKey())) {
        s = s.with(e.getKey(), e.getValue());
      }
    }
    return s;
  }
}
