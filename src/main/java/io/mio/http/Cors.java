package io.mio.http;

import java.util.List;
import java.util.Set;

/**
 * Cross-origin policy: off unless exact origins are configured ({@code MIO_CORS_ORIGINS}).
 * Preflight requests are answered before any guard runs, since browsers send them without
 * credentials.
 */
public final class Cors {

  public static final Cors DISABLED = new Cors(List.of());

  private final Set<String> origins;

  public Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  public boolean enabled() {
    return !origins.isEmpty();
  }

  void decorate(Exchange ex) {
    allowedOrigin(ex).ifPresent(o -> {
      ex.setHeader("Access-Control-Allow-Origin", o);
      ex.setHeader("Vary", "Origin");
    });
  }

  boolean answerPreflight(Exchange ex, Set<String> methods) {
    if (allowedOrigin(ex).isEmpty() || ex.header("Access-Control-Request-Method").isEmpty()) {
      return false;
    }
    ex.setHeader("Access-Control-Allow-Methods", String.join(", ", methods));
    ex.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
    ex.setHeader("Access-Control-Max-Age", "600");
    ex.sendEmpty(204);
    return true;
  }

  private java.util.Optional<String> allowedOrigin(Exchange ex) {
    return ex.header("Origin").filter(o -> origins.contains(o) || origins.contains("*"));
  }
}
