package io.mio.net;

import java.util.Map;

/**
 * A call to a node that produced no usable HTTP response. The {@link Code} names are the error
 * codes the hub answers with, so they are a contract; the message names the node address and
 * the cause, and {@link #details()} carries the parts (never a secret).
 */
public final class NodeCallException extends Exception {

  /** The closed set of ways a node call fails before an HTTP status can be judged. */
  public enum Code {
    /** The policy refused the target; nothing was sent. */
    SSRF_BLOCKED,
    /** DNS failed, or the connection was refused, reset or closed early, or TLS failed. */
    NODE_UNREACHABLE,
    /** The connect timeout or the total timeout elapsed. */
    NODE_TIMEOUT,
    /** The answer was larger than the cap or was not valid HTTP. */
    NODE_INVALID_RESPONSE
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
}
