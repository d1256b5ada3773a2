package io.mio.testing;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of our OpenAPI documents, so tests can prove the
 * documented shapes are the ones the code answers. It knows the subset of JSON Schema 2020-12
 * the documents use and refuses any other keyword, so a schema is never half-checked.
 * {@code $ref}s are resolved against the document root.
 */
public final class JsonSchemaCheck {

  /** Keywords that only describe; they constrain nothing. */
  private static final Set<String> ANNOTATIONS = Set.of("description", "examples",
      "contentMediaType", "title", "default");
  private static final Set<String> KEYWORDS = Set.of("$ref", "anyOf", "oneOf", "const", "enum",
      "type", "required", "properties", "additionalProperties", "propertyNames",
      "minProperties", "maxProperties", "items", "uniqueItems", "pattern", "minLength",
      "maxLength", "format", "minimum", "maximum");

  private final JsonNode root;

  public JsonSchemaCheck(JsonNode documentRoot) {
    this.root = documentRoot;
  }

  /** Every way {@code value} breaks {@code schema}, each with its JSON path; empty if none. */
  public List<String> problems(JsonNode schema, JsonNode value) {
    List<String> out = new ArrayList<>();
    check(schema, value, "$", out);
    return out;
  }

  private void check(JsonNode schema, JsonNode v, String at, List<String> out) {
    for (String k : schema.propertyNames()) {
      if (!KEYWORDS.contains(k) && !ANNOTATIONS.contains(k)) {
        out.add(at + ": the schema uses '" + k + "', which this check does not know");
      }
    }
    if (schema.has("$ref")) {
      check(resolve(schema.get("$ref").asString()), v, at, out);
    }
    alternatives(schema, v, at, out);
    if (schema.has("const") && !schema.get("const").equals(v)) {
      out.add(at + ": must be " + schema.get("const") + ", got " + v);
    }
    if (schema.has("enum") && !contains(schema.get("enum"), v)) {
      out.add(at + ": must be one of " + schema.get("enum") + ", got " + v);
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), v)) {
      out.add(at + ": must be of type " + schema.get("type") + ", got " + v);
      return;
    }
    if (v.isObject()) {
      object(schema, v, at, out);
    } else if (v.isArray()) {
      array(schema, v, at, out);
    } else if (v.isString()) {
      string(schema, v.asString(), at, out);
    } else if (v.isNumber()) {
      number(schema, v, at, out);
    }
  }

  private void alternatives(JsonNode schema, JsonNode v, String at, List<String> out) {
    for (String k : List.of("anyOf", "oneOf")) {
      if (!schema.has(k)) {
        continue;
      }
      int matching = 0;
      for (JsonNode alternative : schema.get(k)) {
        matching += problems(alternative, v).isEmpty() ? 1 : 0;
      }
      if (matching == 0 || (k.equals("oneOf") && matching > 1)) {
        out.add(at + ": " + matching + " of the " + k + " alternatives match " + v);
      }
    }
  }

  private void object(JsonNode schema, JsonNode v, String at, List<String> out) {
    schema.path("required").forEach(r -> {
      if (!v.has(r.asString())) {
        out.add(at + ": lacks the required '" + r.asString() + "'");
      }
    });
    JsonNode props = schema.path("properties");
    JsonNode extra = schema.get("additionalProperties");
    for (String name : v.propertyNames()) {
      String path = at + "." + name;
      if (props.has(name)) {
        check(props.get(name), v.get(name), path, out);
      } else if (extra != null && extra.isBoolean() && !extra.asBoolean()) {
        out.add(path + ": is not documented");
      } else if (extra != null && extra.isObject()) {
        check(extra, v.get(name), path, out);
      }
      if (schema.has("propertyNames")) {
        string(schema.get("propertyNames"), name, path + " (name)", out);
      }
    }
    bound(v.size(), schema, "minProperties", "maxProperties", at + " (size)", out);
  }

  private void array(JsonNode schema, JsonNode v, String at, List<String> out) {
    for (int i = 0; i < v.size(); i++) {
      if (schema.has("items")) {
        check(schema.get("items"), v.get(i), at + "[" + i + "]", out);
      }
    }
    Set<JsonNode> seen = new HashSet<>();
    v.forEach(item -> {
      if (schema.path("uniqueItems").asBoolean(false) && !seen.add(item)) {
        out.add(at + ": repeats " + item);
      }
    });
  }

  private void string(JsonNode schema, String s, String at, List<String> out) {
    if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString())
        .matcher(s).find()) {
      out.add(at + ": '" + s + "' does not match " + schema.get("pattern").asString());
    }
    bound(s.length(), schema, "minLength", "maxLength", at + " (length)", out);
    if (schema.path("format").asString("").equals("date-time")) {
      try {
        Instant.parse(s);
      } catch (DateTimeParseException e) {
        out.add(at + ": '" + s + "' is not a date-time");
      }
    }
  }

  private static void number(JsonNode schema, JsonNode v, String at, List<String> out) {
    double d = v.asDouble();
    if (schema.has("minimum") && d < schema.get("minimum").asDouble()
        || schema.has("maximum") && d > schema.get("maximum").asDouble()) {
      out.add(at + ": " + v + " is outside " + schema.path("minimum") + ".."
          + schema.path("maximum"));
    }
  }

  private static void bound(int n, JsonNode schema, String min, String max, String at,
      List<String> out) {
    if (schema.has(min) && n < schema.get(min).asInt()
        || schema.has(max) && n > schema.get(max).asInt()) {
      out.add(at + ": " + n + " is outside " + schema.path(min) + ".." + schema.path(max));
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode v) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, v)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asString()) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isString();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      case "null" -> v.isNull();
      default -> throw new IllegalArgumentException("unknown JSON type " + type);
    };
  }

  private static boolean contains(JsonNode values, JsonNode v) {
    for (JsonNode candidate : values) {
      if (candidate.equals(v)) {
        return true;
      }
    }
    return false;
  }

  /** The node a local reference such as {@code #/components/schemas/Node} names. */
  public JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local references are used, got " + ref);
    }
    JsonNode target = root.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("unresolved reference " + ref);
    }
    return target;
  }
}
