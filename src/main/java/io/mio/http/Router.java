package io.mio.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps method and path templates ({@code /api/v1/nodes/{id}}) to {@link RouteHandler}s behind a
 * {@link Guard}. Unknown paths answer JSON 404, known paths with another method JSON 405 with
 * {@code Allow}; GET routes also serve HEAD. Blocking invocation: Jetty runs each request on a
 * virtual thread.
 */
public final class Router extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private record Route(String method, String[] segments, Access access, RouteHandler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private volatile Guard guard = Guard.OPEN;
  private volatile Cors cors = Cors.DISABLED;

  public Router guard(Guard g) {
    this.guard = g;
    return this;
  }

  public Router cors(Cors c) {
    this.cors = c;
    return this;
  }

  public Router get(String path, Access access, RouteHandler handler) {
    return route("GET", path, access, handler);
  }

  public Router post(String path, Access access, RouteHandler handler) {
    return route("POST", path, access, handler);
  }

  public Router put(String path, Access access, RouteHandler handler) {
    return route("PUT", path, access, handler);
  }

  public Router patch(String path, Access access, RouteHandler handler) {
    return route("PATCH", path, access, handler);
  }

  public Router delete(String path, Access access, RouteHandler handler) {
    return route("DELETE", path, access, handler);
  }

  public synchronized Router route(String method, String path, Access access, RouteHandler h) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("route path must start with /, got " + path);
    }
    routes.add(new Route(method, split(path), access, h));
    return this;
  }

  /** Every registered route as {@code METHOD /template}, for docs and the OpenAPI check. */
  public synchronized List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Route r : routes) {
      String path = r.segments().length == 0 ? "/" : "/" + String.join("/", r.segments());
      out.add(r.method() + " " + path);
    }
    return out;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String[] path = split(request.getHttpURI().getPath());
    Map<String, String> params = new HashMap<>();
    Route match = null;
    Set<String> allowed = new LinkedHashSet<>();
    for (Route r : snapshot()) {
      params.clear();
      if (!matches(r.segments(), path, params)) {
        continue;
      }
      allowed.add(r.method());
      if (r.method().equals("GET")) {
        allowed.add("HEAD");
      }
      if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
        match = r;
        break;
      }
    }
    Exchange ex = new Exchange(request, response, callback, Map.copyOf(params));
    cors.decorate(ex);
    try {
      if (match == null) {
        answerUnmatched(ex, method, allowed);
      } else {
        guard.check(ex, match.access());
        match.handler().handle(ex);
        if (!ex.answered()) {
          throw new IllegalStateException("route " + method + " " + ex.path() + " did not answer");
        }
      }
    } catch (ApiException e) {
      answerError(ex, e);
    } catch (EofException e) {
      callback.failed(e);
    } catch (Exception e) {
      LOG.error("request {} {} failed", method, ex.path(), e);
      answerError(ex, new ApiException(500, "INTERNAL_ERROR",
          "the server failed to handle this request; see the server log"));
    }
    LOG.debug("{} {} -> {} from {}", method, ex.path(), response.getStatus(),
        ex.remoteAddress().getHostAddress());
    return true;
  }

  private void answerUnmatched(Exchange ex, String method, Set<String> allowed) {
    if (allowed.isEmpty()) {
      throw new ApiException(404, "NOT_FOUND", "no such endpoint: " + ex.path());
    }
    if (method.equals("OPTIONS")) {
      if (cors.answerPreflight(ex, allowed)) {
        return;
      }
      ex.setHeader("Allow", String.join(", ", allowed) + ", OPTIONS");
      ex.sendEmpty(204);
      return;
    }
    ex.setHeader("Allow", String.join(", ", allowed));
    throw new ApiException(405, "METHOD_NOT_ALLOWED",
        method + " is not allowed on " + ex.path() + "; use " + String.join(", ", allowed));
  }

  private static void answerError(Exchange ex, ApiException e) {
    if (ex.answered()) {
      ex.abort(e);
    } else {
      ex.sendError(e);
    }
  }

  private synchronized List<Route> snapshot() {
    return List.copyOf(routes);
  }

  private static boolean matches(String[] template, String[] path, Map<String, String> params) {
    if (template.length != path.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        params.put(t.substring(1, t.length() - 1), path[i]);
      } else if (!t.equals(path[i])) {
        return false;
      }
    }
    return true;
  }

  /** Splits on '/', dropping empty segments, so {@code /webcam/} and {@code /webcam} match. */
  private static String[] split(String path) {
    if (path == null) {
      return new String[0];
    }
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }
}
