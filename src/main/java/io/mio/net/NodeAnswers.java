package io.mio.net;

import io.mio.net.NodeCallException.Code;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Judges what a node answered: redirects and refused credentials are failures whatever the
 * caller wanted, and a JSON call gets JSON or a failure, never a guess.
 */
final class NodeAnswers {

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private NodeAnswers() {}

  /** Refuses a 3xx (never followed) and a 401/403 (the hub's credentials for the node). */
  static NodeResponse usable(NodeResponse response, NodeTarget target, String path)
      throws NodeCallException {
    int status = response.status();
    if (status >= 300 && status < 400) {
      Map<String, Object> details = details(target, path, status, "redirect");
      details.put("location", cut(response.location()));
      throw new NodeCallException(Code.NODE_INVALID_RESPONSE, where(target) + path + " answered "
          + status + " with a redirect to " + quoted(response.location()) + "; redirects are"
          + " not followed: set the node's base_url to the address that serves it", details);
    }
    if (status == 401 || status == 403) {
      throw new NodeCallException(Code.NODE_UNAUTHORIZED, where(target) + path + " answered "
          + status + ": the node refused the hub's credentials; update the node's auth in the"
          + " hub to match the node's token", details(target, path, status, "auth_refused"));
    }
    return response;
  }

  /** A 2xx answer carrying JSON, as a tree. */
  static NodeReply successJson(NodeResponse response, NodeTarget target, String path,
      Duration latency) throws NodeCallException {
    if (response.status() < 200 || response.status() > 299) {
      throw new NodeCallException(Code.NODE_INVALID_RESPONSE, where(target) + path
          + " answered " + response.status() + " instead of 200: is this a motion-in-ocean"
          + " node, and is base_url right?", details(target, path, response.status(), "status"));
    }
    if (response.body().length == 0) {
      throw invalid(target, path, response, "sent an empty body instead of JSON");
    }
    return json(response, target, path, latency);
  }

  /** Any usable answer; the body must be JSON when there is one. */
  static NodeReply json(NodeResponse response, NodeTarget target, String path, Duration latency)
      throws NodeCallException {
    if (response.body().length == 0) {
      return new NodeReply(response.status(), MissingNode.getInstance(), latency);
    }
    if (!isJson(response.contentType())) {
      throw invalid(target, path, response, "sent " + quoted(response.contentType())
          + " instead of application/json");
    }
    try {
      return new NodeReply(response.status(), JSON.readTree(response.body()), latency);
    } catch (JacksonException e) {
      throw invalid(target, path, response, "sent malformed JSON ("
          + e.getOriginalMessage() + ")");
    }
  }

  static byte[] bytes(JsonNode body) {
    return JSON.writeValueAsBytes(body);
  }

  private static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || type.startsWith("application/") && type.endsWith("+json");
  }

  private static NodeCallException invalid(NodeTarget target, String path,
      NodeResponse response, String what) {
    return new NodeCallException(Code.NODE_INVALID_RESPONSE, where(target) + path + " " + what,
        details(target, path, response.status(), "not_json"));
  }

  private static Map<String, Object> details(NodeTarget target, String path, int status,
      String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("host", target.host());
    details.put("port", target.port());
    details.put("path", path);
    details.put("status", status);
    details.put("reason", reason);
    return details;
  }

  private static String where(NodeTarget target) {
    return target.toString().replaceFirst("/$", "");
  }

  // A node chooses these texts; cut them so a hostile one cannot flood the hub's messages.
  private static String cut(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  private static String quoted(String text) {
    return text.isEmpty() ? "(none)" : "\"" + cut(text) + "\"";
  }
}
