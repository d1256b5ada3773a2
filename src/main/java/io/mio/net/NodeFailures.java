package io.mio.net;

import io.mio.net.CappedResponseListener.ResponseTooLargeException;
import io.mio.net.NodeCallException.Code;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Turns what Jetty reports for a failed exchange into the hub's stable error codes. Jetty wraps
 * causes differently per phase, so the whole cause chain is searched, most specific first.
 */
final class NodeFailures {

  private NodeFailures() {}

  /** The checked base URL, or {@code SSRF_BLOCKED} naming what is wrong with it. */
  static NodeTarget target(String baseUrl) throws NodeCallException {
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      // URI.create quotes its whole input, user info included: say it without the secret.
      throw invalidTarget(baseUrl, "\"" + NodeTarget.redact(baseUrl) + "\" is not a valid URL");
    }
    try {
      return NodeTarget.parse(uri);
    } catch (IllegalArgumentException e) {
      throw invalidTarget(baseUrl, e.getMessage());
    }
  }

  private static NodeCallException invalidTarget(String baseUrl, String why) {
    return new NodeCallException(Code.SSRF_BLOCKED, "node base URL refused: " + why,
        Map.of("reason", "invalid_target", "base_url", NodeTarget.redact(baseUrl), "setting",
            SsrfPolicy.SETTING));
  }

  /** A header value the caller gave, refused if it could split the request. */
  static String headerValue(String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("an Authorization value must not contain line breaks");
    }
    return value;
  }

  static NodeCallException classify(Throwable failure, NodeTarget target,
      NodeClientSettings settings) {
    Duration connect = settings.connectTimeout();
    Duration total = settings.totalTimeout();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("host", target.host());
    details.put("port", target.port());
    String where = target.host() + ":" + target.port();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      switch (t) {
        case TargetRefusedException r -> {
          return refused(r, details);
        }
        case ResponseTooLargeException big -> {
          details.put("reason", "too_large");
          return new NodeCallException(Code.NODE_INVALID_RESPONSE,
              where + " answered with a " + big.getMessage(), details);
        }
        case UnknownHostException u -> {
          details.put("reason", "dns");
          return new NodeCallException(Code.NODE_UNREACHABLE,
              target.host() + " could not be resolved: check the name and the hub's DNS", details);
        }
        case TimeoutException te -> {
          details.put("reason", "total_timeout");
          details.put("timeout_ms", total.toMillis());
          return new NodeCallException(Code.NODE_TIMEOUT,
              where + " did not answer within " + total.toMillis() + " ms", details);
        }
        case SocketTimeoutException ste -> {
          details.put("reason", "connect_timeout");
          details.put("timeout_ms", connect.toMillis());
          return new NodeCallException(Code.NODE_TIMEOUT,
              where + " did not accept a connection within " + connect.toMillis() + " ms", details);
        }
        case InterruptedException ie -> {
          details.put("reason", "interrupted");
          return new NodeCallException(Code.NODE_TIMEOUT, "call to " + where + " was cancelled",
              details);
        }
        case ConnectException ce -> {
          details.put("reason", "connection_refused");
          return new NodeCallException(Code.NODE_UNREACHABLE, where + " refused the connection:"
              + " is the node running and listening on that port?", details);
        }
        case SSLException se -> {
          details.put("reason", "tls");
          return new NodeCallException(Code.NODE_UNREACHABLE,
              "TLS with " + where + " failed: " + se.getMessage(), details);
        }
        case HttpResponseException bad -> {
          return malformed(where, bad, details);
        }
        case BadMessageException bad -> {
          return malformed(where, bad, details);
        }
        default -> { }
      }
    }
    details.put("reason", "connection_failed");
    return new NodeCallException(Code.NODE_UNREACHABLE, "connection to " + where
        + " failed: " + failure, details);
  }

  private static NodeCallException malformed(String where, Throwable bad,
      Map<String, Object> details) {
    details.put("reason", "malformed");
    return new NodeCallException(Code.NODE_INVALID_RESPONSE,
        where + " sent a response that is not valid HTTP: " + bad.getMessage(), details);
  }

  private static NodeCallException refused(TargetRefusedException r, Map<String, Object> details) {
    details.put("reason", "ssrf_blocked");
    details.put("setting", SsrfPolicy.SETTING);
    if (!r.resolved().isEmpty()) {
      details.put("resolved", r.resolved());
    }
    r.refusal().ifPresent(refusal -> {
      details.put("address", refusal.address());
      details.put("address_kind", refusal.reason());
      details.put("allow_with", refusal.allowWith());
    });
    return new NodeCallException(Code.SSRF_BLOCKED, r.getMessage(), details);
  }
}
