package io.mio.management;

import io.mio.net.NodeCallException;
import io.mio.net.NodeCallException.Code;
import io.mio.net.NodeClient;
import io.mio.net.NodeReply;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Asks one node for {@code GET /api/status} with the node's credentials and classifies the
 * answer: the node's own {@code ok} or {@code degraded}, or a failure with a stable code.
 * Records {@code last_seen} on every answer and logs only when a node's outcome changes, so an
 * overview every few seconds does not flood the log. Thread-safe.
 */
final class NodeProbe {

  static final String STATUS_PATH = "/api/status";
  private static final Logger LOG = LoggerFactory.getLogger(NodeProbe.class);

  private final NodeClient client;
  private final LastSeen lastSeen;
  private final Clock clock;
  private final HubMetrics metrics;
  private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();

  NodeProbe(NodeClient client, LastSeen lastSeen, Clock clock, HubMetrics metrics) {
    this.client = client;
    this.lastSeen = lastSeen;
    this.clock = clock;
    this.metrics = metrics;
  }

  ProbeResult probe(Node node) {
    ProbeResult result;
    try {
      NodeReply reply = client.getJson(node.baseUrl().toString(), STATUS_PATH,
          authorization(node.auth()));
      result = new ProbeResult.Answered(classify(node, reply.body()), reply.body(),
          reply.latency(), clock.instant());
      lastSeen.record(node.id(), result.checkedAt());
    } catch (NodeCallException e) {
      result = new ProbeResult.Failed(e, clock.instant());
    }
    noteOutcome(node, result);
    return result;
  }

  /** The {@code Authorization} header value for a node, or null for none. */
  static String authorization(NodeAuth auth) {
    return switch (auth.type()) {
      case NONE -> null;
      case BEARER -> NodeClient.bearer(auth.secret());
      case BASIC -> NodeClient.basic(auth.username(), auth.secret());
    };
  }

  private static String classify(Node node, JsonNode body) throws NodeCallException {
    String status = body.path("status").isString() ? body.get("status").stringValue() : "";
    if (!status.equals("ok") && !status.equals("degraded")) {
      throw new NodeCallException(Code.NODE_INVALID_RESPONSE, node.baseUrl() + STATUS_PATH
          + " answered JSON without a status of ok or degraded: is this a motion-in-ocean"
          + " webcam?", Map.of("reason", "no_status", "path", STATUS_PATH));
    }
    return status;
  }

  /** Remembers (and logs, if it changed) a node's latest outcome. */
  void noteOutcome(Node node, ProbeResult result) {
    String outcome = switch (result) {
      case ProbeResult.Answered a -> a.status();
      case ProbeResult.Failed f -> f.error().code().name();
    };
    metrics.probed(outcome);
    String before = lastOutcome.put(node.id(), outcome);
    if (outcome.equals(before)) {
      LOG.debug("node {} probed outcome={}", node.id(), outcome);
    } else if (result instanceof ProbeResult.Failed f) {
      LOG.warn("node {} unavailable code={} was={} reason={}", node.id(), outcome, before,
          f.error().getMessage());
    } else {
      LOG.info("node {} answers status={} was={}", node.id(), outcome, before);
    }
  }

  /** Whether the node's latest probe failed; false for nodes not probed yet. */
  boolean failedLastTime(Node node) {
    String outcome = lastOutcome.get(node.id());
    return outcome != null && !outcome.equals("ok") && !outcome.equals("degraded");
  }

  void forget(String id) {
    lastOutcome.remove(id);
  }
}
