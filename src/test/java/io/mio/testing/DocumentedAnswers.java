package io.mio.testing;

import io.mio.http.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Compares real answers with an {@link OpenApiDoc}: the request's route and the answer's status
 * must be documented, the answer's media type must be one the document names for that status,
 * and a JSON body must fit the documented schema. Collects every mismatch, so one test run
 * lists them all.
 */
public final class DocumentedAnswers {

  private final OpenApiDoc doc;
  private final JsonSchemaCheck schemas;
  private final List<String> mismatches = new ArrayList<>();

  public DocumentedAnswers(OpenApiDoc doc) {
    this.doc = doc;
    this.schemas = new JsonSchemaCheck(doc.root());
  }

  /**
   * Records what is wrong with one answer: an unexpected status, or anything the document does
   * not say. HEAD requests are checked against the GET operation.
   */
  public void check(String method, String pathAndQuery, int expectedStatus,
      HttpResponse<String> answer) {
    String request = method + " " + pathAndQuery;
    if (answer.statusCode() != expectedStatus) {
      mismatches.add(request + " answered " + answer.statusCode() + ", expected "
          + expectedStatus + ": " + clip(answer.body()));
      return;
    }
    String documentedMethod = method.equals("HEAD") ? "GET" : method;
    Optional<String> route = doc.route(documentedMethod, pathAndQuery);
    if (route.isEmpty()) {
      mismatches.add(request + " matches no documented operation");
      return;
    }
    Optional<JsonNode> response = doc.response(route.get(), answer.statusCode());
    if (response.isEmpty()) {
      mismatches.add(request + " answered " + answer.statusCode() + ", which " + route.get()
          + " does not document");
      return;
    }
    checkBody(request, response.get(), answer, method.equals("HEAD"));
  }

  private void checkBody(String request, JsonNode response, HttpResponse<String> answer,
      boolean head) {
    Optional<String> type = answer.headers().firstValue("Content-Type").map(t -> media(t));
    JsonNode content = response.path("content");
    if (type.isEmpty()) {
      if (!content.isMissingNode() && !head) {
        mismatches.add(request + " answered no Content-Type; documented: "
            + content.propertyNames());
      }
      return;
    }
    boolean documented = content.propertyNames().stream().map(DocumentedAnswers::media)
        .anyMatch(type.get()::equals);
    if (!documented) {
      mismatches.add(request + " answered " + type.get() + "; documented: "
          + content.propertyNames());
      return;
    }
    if (type.get().equals("application/json") && !head) {
      checkJson(request, content.path("application/json").path("schema"), answer.body());
    }
  }

  private void checkJson(String request, JsonNode schema, String body) {
    try {
      JsonNode value = Json.MAPPER.readTree(body);
      schemas.problems(schema, value).forEach(p -> mismatches.add(request + " " + p));
    } catch (JacksonException e) {
      mismatches.add(request + " answered invalid JSON: " + clip(body));
    }
  }

  private static String media(String contentType) {
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Every mismatch so far, each naming the request. */
  public List<String> mismatches() {
    return List.copyOf(mismatches);
  }
}
