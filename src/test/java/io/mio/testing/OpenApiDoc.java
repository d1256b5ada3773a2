package io.mio.testing;

import io.mio.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One of our OpenAPI documents ({@code openapi/webcam.json}, {@code openapi/management.json})
 * read for tests: its operations keyed as {@code Router.describe()} writes routes
 * ({@code GET /api/v1/nodes/{id}}), and the checks a hand-written document needs: references
 * resolve, path parameters are declared, every operation documents an error in the envelope.
 */
public record OpenApiDoc(JsonNode root) {

  /** Implied by GET (HEAD) or answered by the router for every path (OPTIONS). */
  private static final Set<String> IMPLIED = Set.of("head", "options");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
  private static final String ERROR = "#/components/schemas/Error";

  /** The document {@code openapi/<name>} on the classpath. */
  public static OpenApiDoc resource(String name) {
    try (InputStream in = OpenApiDoc.class.getClassLoader()
        .getResourceAsStream("openapi/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource openapi/" + name);
      }
      return new OpenApiDoc(Json.MAPPER.readTree(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation as {@code METHOD /template}, HEAD and OPTIONS left out, sorted. */
  public Map<String, JsonNode> operations() {
    Map<String, JsonNode> out = new TreeMap<>();
    for (var path : root.path("paths").properties()) {
      for (var op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey()) && !IMPLIED.contains(op.getKey())) {
          out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
        }
      }
    }
    return out;
  }

  /** Public means {@code security: []} on the operation, or no security at all. */
  public boolean isPublic(String route) {
    JsonNode security = operations().get(route).path("security");
    JsonNode effective = security.isMissingNode() ? root.path("security") : security;
    return effective.isMissingNode() || effective.isEmpty();
  }

  /** Every {@code $ref} that names nothing in the document. */
  public List<String> unresolvedRefs() {
    List<String> out = new ArrayList<>();
    collectRefs(root, out);
    return out.stream().filter(ref -> !ref.startsWith("#/")
        || root.at(ref.substring(1)).isMissingNode()).toList();
  }

  private static void collectRefs(JsonNode node, List<String> out) {
    if (node.isObject() && node.has("$ref")) {
      out.add(node.get("$ref").asString());
    }
    node.forEach(child -> collectRefs(child, out));
  }

  /** Operations whose template variables and declared path parameters differ. */
  public List<String> pathParameterMismatches() {
    List<String> out = new ArrayList<>();
    for (var path : root.path("paths").properties()) {
      Set<String> inTemplate = new java.util.TreeSet<>();
      Matcher m = PATH_VARIABLE.matcher(path.getKey());
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      for (var op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        Set<String> declared = new java.util.TreeSet<>();
        List.of(path.getValue(), op.getValue()).forEach(level -> level.path("parameters")
            .forEach(p -> {
              JsonNode param = p.has("$ref") ? root.at(p.get("$ref").asString().substring(1)) : p;
              if (param.path("in").asString("").equals("path")) {
                declared.add(param.path("name").asString());
              }
            }));
        if (!declared.equals(inTemplate)) {
          out.add(op.getKey() + " " + path.getKey() + " declares " + declared);
        }
      }
    }
    return out;
  }

  /** Operations without a 4xx or 5xx answer whose JSON schema is the error envelope. */
  public List<String> operationsWithoutErrorEnvelope() {
    List<String> out = new ArrayList<>();
    operations().forEach((route, op) -> {
      boolean found = false;
      for (var r : op.path("responses").properties()) {
        boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5");
        found |= error && jsonSchema(r.getValue()).map(s -> s.path("$ref").asString(""))
            .filter(ERROR::equals).isPresent();
      }
      if (!found) {
        out.add(route);
      }
    });
    return out;
  }

  /**
   * The documented answer of a route for one status (or the range key such as {@code 5XX}):
   * empty when the status is not documented.
   */
  public Optional<JsonNode> response(String route, int status) {
    JsonNode responses = operations().get(route).path("responses");
    String code = Integer.toString(status);
    JsonNode r = responses.has(code) ? responses.get(code) : responses.get(code.charAt(0) + "XX");
    if (r == null) {
      return Optional.empty();
    }
    return Optional.of(r.has("$ref") ? root.at(r.get("$ref").asString().substring(1)) : r);
  }

  /** The {@code application/json} schema of a response object, following a response $ref. */
  public Optional<JsonNode> jsonSchema(JsonNode response) {
    JsonNode r = response.has("$ref") ? root.at(response.get("$ref").asString().substring(1))
        : response;
    return Optional.ofNullable(r.path("content").path("application/json").get("schema"));
  }

  /** The operation whose template matches a concrete request path, as {@code METHOD /t}. */
  public Optional<String> route(String method, String path) {
    String[] actual = path.split("\\?", 2)[0].replaceAll("/+$", "").split("/");
    for (String route : operations().keySet()) {
      String[] parts = route.split(" ", 2);
      String[] template = parts[1].replaceAll("/+$", "").split("/");
      if (parts[0].equals(method) && template.length == actual.length
          && segmentsMatch(template, actual)) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }

  private static boolean segmentsMatch(String[] template, String[] actual) {
    for (int i = 0; i < template.length; i++) {
      if (!template[i].startsWith("{") && !template[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }
}
