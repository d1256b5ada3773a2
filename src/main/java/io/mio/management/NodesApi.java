package io.mio.management;

import io.mio.http.Access;
import io.mio.http.ApiException;
import io.mio.http.Exchange;
import io.mio.http.Router;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The registry endpoints: {@code GET|POST /api/v1/nodes} and {@code GET|PUT|PATCH|DELETE
 * /api/v1/nodes/{id}}. Every write is validated and checked against {@code If-Match} inside the
 * registry's lock, so a refused request changes nothing and two editors cannot overwrite each
 * other silently.
 */
final class NodesApi {

  static final String NODES = "/api/v1/nodes";
  private static final Logger LOG = LoggerFactory.getLogger(NodesApi.class);
  private static final Set<String> JSON = Set.of("application/json");
  private static final Set<String> PATCH_TYPES =
      Set.of("application/json", "application/merge-patch+json");

  private final NodeRegistry registry;
  private final NodeView view;
  private final LastSeen lastSeen;
  private final Clock clock;

  NodesApi(NodeRegistry registry, NodeView view, LastSeen lastSeen, Clock clock) {
    this.registry = registry;
    this.view = view;
    this.lastSeen = lastSeen;
    this.clock = clock;
  }

  void register(Router router) {
    router.get(NODES, Access.ADMIN, ex -> ex.sendJson(200, view.list(registry.list())));
    router.post(NODES, Access.ADMIN, this::create);
    router.get(NODES + "/{id}", Access.ADMIN, ex -> answer(ex, 200, existing(ex)));
    router.put(NODES + "/{id}", Access.ADMIN, ex -> {
      JsonNode body = ex.readJson(Exchange.DEFAULT_MAX_BODY_BYTES, JSON);
      answer(ex, 200, change(ex, stored -> NodeValidator.replace(stored, body)));
    });
    router.patch(NODES + "/{id}", Access.ADMIN, ex -> {
      JsonNode body = ex.readJson(Exchange.DEFAULT_MAX_BODY_BYTES, PATCH_TYPES);
      answer(ex, 200, change(ex, stored -> NodeValidator.merge(stored, body)));
    });
    router.delete(NODES + "/{id}", Access.ADMIN, this::delete);
  }

  /** The node named by the path, or 404 NODE_NOT_FOUND. */
  Node existing(Exchange ex) {
    String id = ex.pathParam("id");
    return registry.find(id).orElseThrow(() -> notFound(id));
  }

  static ApiException notFound(String id) {
    return new ApiException(404, "NODE_NOT_FOUND", "no node with id '" + id + "' is registered;"
        + " GET " + NODES + " lists them", Map.of("id", id));
  }

  private void create(Exchange ex) {
    JsonNode body = ex.readJson(Exchange.DEFAULT_MAX_BODY_BYTES, JSON);
    Node created = registry.update(nodes -> {
      Node n = NodeValidator.create(body, clock.instant());
      if (nodes.stream().anyMatch(other -> other.id().equals(n.id()))) {
        throw new ApiException(409, "CONFLICT", "a node with id '" + n.id() + "' already exists;"
            + " choose another id, or PUT " + NODES + "/" + n.id() + " to replace it",
            Map.of("id", n.id()));
      }
      nodes.add(n);
      return n;
    });
    lastSeen.forget(created.id());
    LOG.info("node {} registered base_url={} auth={}", created.id(), created.baseUrl(),
        created.auth().type().word());
    ex.setHeader("Location", NODES + "/" + created.id());
    answer(ex, 201, created);
  }

  private Node change(Exchange ex, UnaryOperator<Node> edit) {
    String id = ex.pathParam("id");
    Optional<String> ifMatch = ex.header("If-Match");
    Node changed = registry.update(nodes -> {
      int i = indexOf(nodes, id);
      Node stored = nodes.get(i);
      checkPrecondition(ifMatch, stored);
      Node next = edit.apply(stored);
      nodes.set(i, next);
      return next;
    });
    LOG.info("node {} updated base_url={} auth={}", id, changed.baseUrl(),
        changed.auth().type().word());
    return changed;
  }

  private void delete(Exchange ex) {
    String id = ex.pathParam("id");
    Optional<String> ifMatch = ex.header("If-Match");
    registry.update(nodes -> {
      int i = indexOf(nodes, id);
      checkPrecondition(ifMatch, nodes.get(i));
      return nodes.remove(i);
    });
    lastSeen.forget(id);
    LOG.info("node {} removed", id);
    ex.sendEmpty(204);
  }

  private void checkPrecondition(Optional<String> ifMatch, Node stored) {
    if (ifMatch.isPresent() && !view.ifMatch(ifMatch.get(), stored)) {
      String current = view.etag(stored);
      throw new ApiException(412, "PRECONDITION_FAILED", "node '" + stored.id() + "' changed"
          + " since you read it (If-Match " + ifMatch.get() + ", now " + current + "); GET it"
          + " again and re-apply your change", Map.of("id", stored.id(), "etag", current));
    }
  }

  static int indexOf(List<Node> nodes, String id) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id().equals(id)) {
        return i;
      }
    }
    throw notFound(id);
  }

  private void answer(Exchange ex, int status, Node node) {
    ex.setHeader("ETag", view.etag(node));
    ex.sendJson(status, view.of(node));
  }
}
