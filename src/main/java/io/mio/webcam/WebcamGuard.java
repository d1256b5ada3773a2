package io.mio.webcam;

import io.mio.http.Access;
import io.mio.http.ApiException;
import io.mio.http.AuthFailureLimiter;
import io.mio.http.BearerToken;
import io.mio.http.Exchange;
import io.mio.http.Guard;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The webcam node's access policy.
 *
 * <ul>
 *   <li>{@link Access#PUBLIC} ({@code /health}, {@code /ready}, {@code /metrics}): anyone.
 *   <li>{@link Access#VIEWER} (stream, snapshot, compat routes, page, status): anyone unless
 *       {@code MIO_STREAM_AUTH} is set; then its credential or the admin token.
 *   <li>{@link Access#ADMIN} (settings, actions): with {@code MIO_WEBCAM_AUTH_TOKEN} set, only
 *       {@code Authorization: Bearer <token>}. Without it, reads need what viewing needs and
 *       state-changing requests are accepted from loopback only.
 * </ul>
 *
 * <p>Only the socket peer address counts; {@code X-Forwarded-For} and similar headers are never
 * read. A state-changing request whose {@code Origin} is neither this node nor a configured CORS
 * origin is refused, so a web page in a browser on the node itself cannot use the loopback
 * exemption, and without a token a change must also name a loopback {@code Host} (DNS
 * rebinding). Failed credentials are counted per address ({@link AuthFailureLimiter}); admin
 * routes accept only bearer tokens, which browsers never send by themselves.
 */
public final class WebcamGuard implements Guard {

  static final String REALM = "mio-webcam";
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Pattern LOOPBACK_HOST = Pattern.compile(
      "(localhost|127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}|\\[::1])(:\\d{1,5})?");

  /** What the presented {@code Authorization} header proves. */
  private enum Credential { NONE, INVALID, VIEWER, ADMIN }

  private final Optional<BearerToken> adminToken;
  private final StreamAuth streamAuth;
  private final AuthFailureLimiter limiter;
  private final List<String> corsOrigins;

  WebcamGuard(Optional<BearerToken> adminToken, StreamAuth streamAuth,
      AuthFailureLimiter limiter, List<String> corsOrigins) {
    this.adminToken = adminToken;
    this.streamAuth = streamAuth;
    this.limiter = limiter;
    this.corsOrigins = List.copyOf(corsOrigins);
  }

  @Override
  public void check(Exchange ex, Access access) {
    switch (access) {
      case PUBLIC -> { }
      case VIEWER -> viewer(ex);
      case ADMIN -> admin(ex);
    }
  }

  private void viewer(Exchange ex) {
    if (!streamAuth.required()) {
      return;
    }
    InetAddress client = ex.remoteAddress();
    limiter.refuseIfLimited(client);
    Credential c = credential(ex);
    if (c == Credential.VIEWER || c == Credential.ADMIN) {
      limiter.recordSuccess(client);
      return;
    }
    limiter.recordFailure(client);
    throw unauthorized(streamAuth.challenge(REALM), c == Credential.INVALID,
        "this node's stream needs the credential of MIO_STREAM_AUTH ("
            + streamAuth.mode().word() + ") or the admin token");
  }

  private void admin(Exchange ex) {
    boolean write = !READS.contains(ex.method());
    if (write) {
      refuseForeignOrigin(ex);
    }
    if (adminToken.isEmpty()) {
      if (!write) {
        viewer(ex);
      } else if (!ex.remoteAddress().isLoopbackAddress()) {
        throw new ApiException(403, "FORBIDDEN", "this node has no MIO_WEBCAM_AUTH_TOKEN, so it"
            + " accepts changes only from its own machine (loopback); set MIO_WEBCAM_AUTH_TOKEN"
            + " on the node and send Authorization: Bearer <token>");
      } else {
        refuseForeignHost(ex);
      }
      return;
    }
    InetAddress client = ex.remoteAddress();
    limiter.refuseIfLimited(client);
    Credential c = credential(ex);
    if (c == Credential.ADMIN) {
      limiter.recordSuccess(client);
      return;
    }
    if (c == Credential.VIEWER) {
      throw new ApiException(403, "FORBIDDEN", "the stream credential only allows viewing;"
          + " settings and actions need Authorization: Bearer <MIO_WEBCAM_AUTH_TOKEN>");
    }
    limiter.recordFailure(client);
    throw unauthorized("Bearer realm=\"" + REALM + "\"", c == Credential.INVALID,
        "settings and actions need Authorization: Bearer <MIO_WEBCAM_AUTH_TOKEN>");
  }

  private Credential credential(Exchange ex) {
    Optional<String> header = ex.header("Authorization");
    if (header.isEmpty()) {
      return Credential.NONE;
    }
    Optional<String> bearer = BearerToken.fromHeader(header.get());
    if (bearer.isPresent()) {
      if (adminToken.isPresent() && adminToken.get().matches(bearer.get())) {
        return Credential.ADMIN;
      }
      return streamAuth.matchesBearer(bearer.get()) ? Credential.VIEWER : Credential.INVALID;
    }
    return streamAuth.matchesBasic(header.get()) ? Credential.VIEWER : Credential.INVALID;
  }

  /** A browser names the page's origin; a page from elsewhere may not change this node. */
  private void refuseForeignOrigin(Exchange ex) {
    Optional<String> origin = ex.header("Origin");
    if (origin.isEmpty() || corsOrigins.contains(origin.get()) || corsOrigins.contains("*")) {
      return;
    }
    Optional<String> host = ex.header("Host");
    if (host.isPresent() && (origin.get().equals("http://" + host.get())
        || origin.get().equals("https://" + host.get()))) {
      return;
    }
    throw new ApiException(403, "FORBIDDEN", "a page from " + clip(origin.get())
        + " may not change this node; add its origin to MIO_CORS_ORIGINS to allow it");
  }

  /**
   * DNS rebinding: a page on evil.example can re-point its own name at 127.0.0.1, and the
   * browser then sends requests to this node from the victim's machine (loopback peer) with
   * {@code Host} and {@code Origin} both naming evil.example, so they agree with each other. Only
   * the {@code Host} a browser sends cannot be forged by the page: without a token, a change must
   * name this machine by a loopback literal or {@code localhost}.
   */
  private static void refuseForeignHost(Exchange ex) {
    String host = ex.header("Host").orElse("");
    if (!isLoopbackHost(host)) {
      throw new ApiException(403, "FORBIDDEN", "this node has no MIO_WEBCAM_AUTH_TOKEN, so it"
          + " accepts changes only for Host localhost, 127.x.x.x or [::1], got '" + clip(host)
          + "'; set MIO_WEBCAM_AUTH_TOKEN on the node and send Authorization: Bearer <token>");
    }
  }

  /** {@code localhost}, {@code 127.x.x.x} or {@code [::1]}, each with an optional port. */
  static boolean isLoopbackHost(String host) {
    return LOOPBACK_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches();
  }

  private static ApiException unauthorized(String challenge, boolean presented, String need) {
    String message = presented
        ? "the credentials are not valid; " + need
        : need;
    String header = presented && challenge.startsWith("Bearer")
        ? challenge + ", error=\"invalid_token\"" : challenge;
    return new ApiException(401, "UNAUTHORIZED", message, Map.of(),
        Map.of("WWW-Authenticate", header));
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
