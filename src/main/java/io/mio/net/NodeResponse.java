package io.mio.net;

import java.nio.charset.StandardCharsets;

/**
 * A node's answer exactly as received: any status (a 3xx is returned, never followed), the
 * {@code Content-Type} (empty when absent) and the body, at most the client's size cap.
 * Judging the status and parsing the body are the caller's job.
 */
public record NodeResponse(int status, String contentType, byte[] body) {

  /** The body as UTF-8 text (malformed bytes become U+FFFD). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "NodeResponse[status=" + status + ", contentType=" + contentType + ", bytes="
        + body.length + "]";
  }
}
