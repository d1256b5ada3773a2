package io.mio.management;

import io.mio.net.NodeCallException;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** What probing one node's {@code /api/status} found: an answer, or the reason there is none. */
sealed interface ProbeResult {

  Instant checkedAt();

  /** The node answered; {@code status} is its own {@code ok} or {@code degraded}. */
  record Answered(String status, JsonNode nodeStatus, Duration latency, Instant checkedAt)
      implements ProbeResult {}

  /** No usable answer; the code is the API error code to report. */
  record Failed(NodeCallException error, Instant checkedAt) implements ProbeResult {}
}
