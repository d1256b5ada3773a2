package io.mio.webcam;

import io.mio.http.ApiException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code PATCH /api/v1/settings}: a JSON object of settings by JSON name,
 * where {@code null} means "back to the default". Every field is checked and every problem
 * reported at once ({@code 400 VALIDATION_ERROR}, {@code details.fields}).
 */
final class SettingsPatch {

  private SettingsPatch() {}

  /** The changes, an empty optional meaning "reset"; throws before anything is applied. */
  static Map<Setting, Optional<Object>> read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.validation(Map.of("body", "the body must be a JSON object of settings,"
          + " like {\"fps\":10}, got " + (body == null ? "nothing" : kind(body))));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Map<Setting, Optional<Object>> changes = new EnumMap<>(Setting.class);
    for (var field : body.properties()) {
      String name = field.getKey();
      Optional<Setting> setting = Setting.byJson(name);
      if (setting.isEmpty()) {
        errors.put(name, clip(name) + " is not a setting; known: " + Setting.names());
      } else if (field.getValue().isNull()) {
        changes.put(setting.get(), Optional.empty());
      } else {
        try {
          changes.put(setting.get(), Optional.of(setting.get().parse(field.getValue())));
        } catch (IllegalArgumentException e) {
          errors.put(name, e.getMessage());
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    if (changes.isEmpty()) {
      throw ApiException.validation(Map.of("body", "the body names no setting; send at least"
          + " one of " + Setting.names()));
    }
    return changes;
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String clip(String name) {
    return "\"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "\"";
  }
}
