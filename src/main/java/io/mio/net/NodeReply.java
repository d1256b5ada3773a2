package io.mio.net;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A node's JSON answer: its status, its body as a JSON tree, and how long the call took.
 *
 * @param status the node's HTTP status: always 2xx from {@link NodeClient#getJson}; any status
 *     but 3xx, 401 and 403 from {@link NodeClient#postJson}, so the hub can relay a node's own
 *     error (say a 409 for a camera that is already restarting)
 * @param body the parsed body; a {@code MissingNode} when the node sent none (a bare 202)
 * @param latency from sending the request to the last byte of the answer
 */
public record NodeReply(int status, JsonNode body, Duration latency) {

  /** Whether the node said yes (2xx). */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "NodeReply[status=" + status + ", latency=" + latency.toMillis() + "ms]";
  }
}
