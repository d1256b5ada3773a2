package io.mio.net;

import java.nio.charset.StandardCharsets;

/**
 * A node's answer as received, for resources that are not JSON (a snapshot, say): the status,
 * the {@code Content-Type} and {@code Location} headers (empty when absent) and the body, never
 * more than the client's size cap.
 */
public record NodeResponse(int status, String contentType, String location, byte[] body) {

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
