package io.mio.net;

import java.util.Map;

/**
 * A call to a node that gave the hub nothing it can use. The {@link Code} names are the error
 * codes the hub answers with, so they are a contract; the message names the node's address and
 * the cause and says what to check; {@link #details()} carries the parts (never a secret).
 */
public final class NodeCallException extends Exception {

  /** The closed set of ways a node call fails, with the HTTP status the hub answers with. */
  public enum Code {
    /** The policy refused the target or its base URL; nothing was sent. */
    SSRF_BLOCKED(403),
    /** DNS failed, or the connection was refused, reset or closed early, or TLS failed. */
    NODE_UNREACHABLE(503),
    /** The connect timeout or the total timeout elapsed. */
    NODE_TIMEOUT(504),
    /** The node answered 401 or 403: the credentials the hub holds for it are wrong. */
    NODE_UNAUTHORIZED(502),
    /** A redirect, a body over the size cap, bad HTTP, or not the JSON that was asked for. */
    NODE_INVALID_RESPONSE(502);

    private final int httpStatus;

    Code(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The status of the hub's own answer when it reports this failure. */
    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Code code;
  private final Map<String, Object> details;

  public NodeCallException(Code code, String message, Map<String, ?> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public Code code() {
    return code;
  }

  /** Machine-readable parts of the message, for the {@code details} of the JSON error. */
  public Map<String, Object> details() {
    return details;
  }

  @Override
  public String toString() {
    return code + ": " + getMessage();
  }
}
