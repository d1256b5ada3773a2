package io.mio.http;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Guard} that opens the given access levels to everyone and requires
 * {@code Authorization: Bearer <token>} for the rest. A missing or wrong token answers
 * {@code 401 UNAUTHORIZED} with {@code WWW-Authenticate: Bearer}; an address that failed too
 * often answers {@code 429 TOO_MANY_AUTH_FAILURES} with {@code Retry-After}, even with the right
 * token, so that a guesser learns nothing while refused.
 */
public final class BearerGuard implements Guard {

  private final BearerToken token;
  private final AuthFailureLimiter limiter;
  private final Set<Access> open;
  private final String realm;

  /**
   * @param realm shown in {@code WWW-Authenticate}, e.g. {@code mio-management}
   * @param open access levels that need no token ({@link Access#PUBLIC} at least)
   */
  public BearerGuard(BearerToken token, AuthFailureLimiter limiter, String realm,
      Set<Access> open) {
    this.token = token;
    this.limiter = limiter;
    this.realm = realm;
    this.open = Set.copyOf(open);
  }

  /** Only {@link Access#PUBLIC} routes are open. */
  public static BearerGuard publicOpen(BearerToken token, AuthFailureLimiter limiter,
      String realm) {
    return new BearerGuard(token, limiter, realm, Set.of(Access.PUBLIC));
  }

  @Override
  public void check(Exchange exchange, Access access) {
    if (open.contains(access)) {
      return;
    }
    InetAddress client = exchange.remoteAddress();
    limiter.refuseIfLimited(client);
    Optional<String> presented = exchange.header("Authorization").flatMap(BearerToken::fromHeader);
    if (presented.isPresent() && token.matches(presented.get())) {
      limiter.recordSuccess(client);
      return;
    }
    limiter.recordFailure(client);
    throw unauthorized(presented.isPresent());
  }

  private ApiException unauthorized(boolean tokenPresented) {
    String challenge = "Bearer realm=\"" + realm + "\""
        + (tokenPresented ? ", error=\"invalid_token\"" : "");
    String message = tokenPresented
        ? "the bearer token is not valid; check the token and send it again"
        : "this endpoint needs Authorization: Bearer <token>";
    return new ApiException(401, "UNAUTHORIZED", message, Map.of(),
        Map.of("WWW-Authenticate", challenge));
  }
}
