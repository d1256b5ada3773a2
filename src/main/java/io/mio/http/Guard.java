package io.mio.http;

/**
 * Decides whether an exchange may reach a route of a given {@link Access} level. Implementations
 * throw {@link ApiException} (401, 403 or 429) to refuse, and must compare secrets in constant
 * time.
 */
@FunctionalInterface
public interface Guard {

  void check(Exchange exchange, Access access);

  /** Lets everything through; only for tests of routes that carry no secrets. */
  Guard OPEN = (exchange, access) -> {};
}
