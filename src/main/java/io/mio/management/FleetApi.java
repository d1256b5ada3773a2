package io.mio.management;

import io.mio.http.Access;
import io.mio.http.ApiException;
import io.mio.http.Exchange;
import io.mio.http.Json;
import io.mio.http.Router;
import io.mio.net.NodeCallException;
import io.mio.net.NodeClient;
import io.mio.net.NodeReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints that call nodes: {@code GET /api/v1/nodes/{id}/status},
 * {@code GET /api/v1/management/overview} and {@code POST /api/v1/nodes/{id}/actions/{action}}.
 * Node failures become the error envelope with the {@link NodeCallException} code and its HTTP
 * status (503 unreachable, 504 timeout, 502 unauthorized or invalid, 403 SSRF-blocked).
 */
final class FleetApi {

  /** Actions a node accepts at {@code POST /api/v1/actions/{action}}; others are refused here. */
  static final List<String> ACTIONS = List.of("restart-camera");
  private static final Logger LOG = LoggerFactory.getLogger(FleetApi.class);

  private final NodesApi nodes;
  private final NodeRegistry registry;
  private final NodeProbe probe;
  private final Overview overview;
  private final NodeClient client;

  FleetApi(NodesApi nodes, NodeRegistry registry, NodeProbe probe, Overview overview,
      NodeClient client) {
    this.nodes = nodes;
    this.registry = registry;
    this.probe = probe;
    this.overview = overview;
    this.client = client;
  }

  void register(Router router) {
    router.get(NodesApi.NODES + "/{id}/status", Access.ADMIN, this::status);
    router.get("/api/v1/management/overview", Access.ADMIN,
        ex -> ex.sendJson(200, overview.build(registry.list())));
    router.post(NodesApi.NODES + "/{id}/actions/{action}", Access.ADMIN, this::action);
  }

  private void status(Exchange ex) {
    Node node = approved(nodes.existing(ex));
    switch (probe.probe(node)) {
      case ProbeResult.Answered a -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", node.id());
        out.put("status", a.status());
        out.put("node_status", a.nodeStatus());
        out.put("latency_ms", a.latency().toMillis());
        out.put("checked_at", a.checkedAt().toString());
        ex.sendJson(200, out);
      }
      case ProbeResult.Failed f -> throw failure(node, f.error());
    }
  }

  private void action(Exchange ex) {
    String action = ex.pathParam("action");
    Node node = approved(nodes.existing(ex));
    if (!ACTIONS.contains(action)) {
      throw new ApiException(404, "UNKNOWN_ACTION", "'" + action + "' is not an action a node"
          + " knows; use one of " + String.join(", ", ACTIONS), Map.of("actions", ACTIONS));
    }
    NodeReply reply;
    try {
      reply = client.postJson(node.baseUrl().toString(), "/api/v1/actions/" + action,
          NodeProbe.authorization(node.auth()), Json.object());
    } catch (NodeCallException e) {
      throw failure(node, e);
    }
    if (!reply.isSuccess()) {
      throw new ApiException(502, "NODE_ACTION_FAILED", "node " + node.id() + " refused "
          + action + " with HTTP " + reply.status() + "; see details.node_response",
          Map.of("id", node.id(), "node_http_status", reply.status(),
              "node_response", reply.body()));
    }
    LOG.info("node {} action {} accepted status={}", node.id(), action, reply.status());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", node.id());
    out.put("action", action);
    out.put("node_response", reply.body().isMissingNode() ? null : reply.body());
    ex.sendJson(reply.status(), out);
  }

  /** Discovered nodes are not called before a person approves them. */
  private static Node approved(Node node) {
    if (!node.approved()) {
      throw new ApiException(409, "NODE_NOT_APPROVED", "node " + node.id() + " was discovered"
          + " but not approved yet; approve it before the hub calls it", Map.of("id", node.id()));
    }
    return node;
  }

  private static ApiException failure(Node node, NodeCallException e) {
    Map<String, Object> details = new LinkedHashMap<>(e.details());
    details.put("id", node.id());
    return new ApiException(e.code().httpStatus(), e.code().name(), "node " + node.id() + ": "
        + e.getMessage(), details);
  }
}
