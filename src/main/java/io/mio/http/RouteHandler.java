package io.mio.http;

/**
 * Serves one route. Runs on a virtual thread, so blocking is fine; the handler must answer
 * through the {@link Exchange} (or throw {@link ApiException}) before it returns.
 */
@FunctionalInterface
public interface RouteHandler {

  void handle(Exchange exchange) throws Exception;
}
