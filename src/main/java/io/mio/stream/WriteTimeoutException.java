package io.mio.stream;

import java.io.IOException;
import java.time.Duration;

/** A stream client took nothing for longer than the write timeout and was given up on. */
public final class WriteTimeoutException extends IOException {

  private final Duration timeout;

  public WriteTimeoutException(Duration timeout) {
    super("client read nothing for " + timeout.toMillis() + " ms");
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
