package io.mio.net;

import java.io.IOException;
import java.util.Optional;

/**
 * Carries an SSRF refusal through Jetty's connect path (which only passes failures on) back to
 * {@link NodeClient}, which turns it into {@code SSRF_BLOCKED}.
 */
final class TargetRefusedException extends IOException {

  private final String host;
  private final transient Refusal refusal;

  TargetRefusedException(String host, Refusal refusal) {
    super(host + " resolves to " + refusal.message());
    this.host = host;
    this.refusal = refusal;
  }

  TargetRefusedException(String host, String message) {
    super(message);
    this.host = host;
    this.refusal = null;
  }

  String host() {
    return host;
  }

  /** The policy's answer; empty when the host text itself was refused. */
  Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }
}
