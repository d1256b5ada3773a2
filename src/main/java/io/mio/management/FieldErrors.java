package io.mio.management;

import io.mio.http.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Collects one message per invalid field of a request body, so a client learns every problem
 * at once ({@code 400 VALIDATION_ERROR}, {@code details.fields}). Messages name the field and
 * the rule and never quote a secret.
 */
final class FieldErrors {

  private final Map<String, String> errors = new LinkedHashMap<>();

  void add(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  boolean has(String field) {
    return errors.containsKey(field);
  }

  /** Throws the collected errors, if any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }

  /** The field's text, or empty after recording why not (absent, null or not a string). */
  Optional<String> string(JsonNode parent, String name, String path, boolean required) {
    JsonNode v = parent.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        add(path, path + " is required");
      }
      return Optional.empty();
    }
    if (!v.isString()) {
      add(path, path + " must be a string, got " + kind(v));
      return Optional.empty();
    }
    return Optional.of(v.stringValue());
  }

  /** Reports every field of an object outside the known and read-only names. */
  void unknownFields(JsonNode object, String prefix, java.util.Set<String> known,
      java.util.Set<String> readOnly) {
    for (String name : object.propertyNames()) {
      String path = prefix + name;
      if (readOnly.contains(name)) {
        add(path, path + " is read-only; leave it out of the request");
      } else if (!known.contains(name)) {
        add(path, path + " is not a known field; allowed: " + String.join(", ", known));
      }
    }
  }

  static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static boolean hasControlCharacters(String s) {
    return s.codePoints().anyMatch(Character::isISOControl);
  }
}
