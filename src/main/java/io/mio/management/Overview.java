package io.mio.management;

import io.mio.net.NodeCallException;
import io.mio.net.NodeCallException.Code;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fleet overview: every approved node probed in parallel, one entry per node, and a summary
 * (total, ok, degraded, unavailable, pending). Pending nodes (discovered, not yet approved) are
 * listed but never called.
 *
 * <p>Threads: each probe runs on its own virtual thread; a semaphore keeps at most
 * {@link #CONCURRENCY} calls in flight so a large fleet does not open hundreds of sockets at
 * once, and nodes that failed last time are probed last. One deadline covers the whole
 * overview: whatever has not answered by then is reported as {@code NODE_TIMEOUT} and its
 * call is interrupted (which aborts the request), so one dead node never delays the answer past
 * the deadline.
 */
final class Overview {

  /** Calls in flight at once; a LAN of a few dozen cameras is probed in one or two waves. */
  static final int CONCURRENCY = 16;

  private final NodeProbe probe;
  private final NodeView view;
  private final Duration deadline;
  private final Clock clock;
  private final HubMetrics metrics;

  Overview(NodeProbe probe, NodeView view, Duration deadline, Clock clock, HubMetrics metrics) {
    this.probe = probe;
    this.view = view;
    this.deadline = deadline;
    this.clock = clock;
    this.metrics = metrics;
  }

  Map<String, Object> build(List<Node> registered) {
    long start = System.nanoTime();
    List<Node> nodes = registered.stream().sorted(Comparator.comparing(Node::id)).toList();
    Map<Node, ProbeResult> results = probeAll(nodes.stream().filter(Node::approved).toList());
    List<Map<String, Object>> entries = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : List.of("ok", "degraded", "unavailable", "pending")) {
      counts.put(s, 0);
    }
    for (Node n : nodes) {
      Map<String, Object> entry = entry(n, results.get(n));
      counts.merge((String) entry.get("status"), 1, Integer::sum);
      entries.add(entry);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("total", nodes.size());
    summary.putAll(counts);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("summary", summary);
    out.put("nodes", entries);
    out.put("generated_at", clock.instant().toString());
    metrics.overviewTook(Duration.ofNanos(System.nanoTime() - start));
    return out;
  }

  private Map<Node, ProbeResult> probeAll(List<Node> nodes) {
    long end = System.nanoTime() + deadline.toNanos();
    Semaphore permits = new Semaphore(CONCURRENCY);
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    Map<Node, Future<ProbeResult>> pending = new LinkedHashMap<>();
    // Permits are taken here, in order, so probes start in the order of probeOrder().
    for (Node n : probeOrder(nodes)) {
      if (acquire(permits, end)) {
        pending.put(n, threads.submit(() -> {
          try {
            return probe.probe(n);
          } finally {
            permits.release();
          }
        }));
      } else {
        pending.put(n, CompletableFuture.completedFuture(missedDeadline()));
      }
    }
    Map<Node, ProbeResult> results = new LinkedHashMap<>();
    pending.forEach((n, f) -> {
      ProbeResult r = await(f, end);
      if (r == null) {
        // Started but too slow: remembered now, so the next overview already probes it last.
        r = missedDeadline();
        probe.noteOutcome(n, r);
      }
      results.put(n, r);
    });
    // Interrupts the stragglers; NodeClient aborts their requests. Never close(): it would wait.
    threads.shutdownNow();
    return results;
  }

  /**
   * Nodes that answered last time go first: when more nodes hang than there are permits, the
   * hanging ones then wait at the back instead of starving nodes that would answer at once.
   */
  private List<Node> probeOrder(List<Node> nodes) {
    return nodes.stream().sorted(Comparator.comparing(probe::failedLastTime)).toList();
  }

  private static boolean acquire(Semaphore permits, long endNanos) {
    try {
      return permits.tryAcquire(endNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The probe's result, or null when it did not finish by the deadline. */
  private ProbeResult await(Future<ProbeResult> f, long endNanos) {
    try {
      return f.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a node probe failed unexpectedly", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private ProbeResult missedDeadline() {
    double seconds = deadline.toMillis() / 1000.0;
    return new ProbeResult.Failed(new NodeCallException(Code.NODE_TIMEOUT, "no answer within"
        + " the overview deadline of " + seconds + " s (MIO_OVERVIEW_DEADLINE_SECONDS)",
        Map.of("reason", "overview_deadline", "deadline_ms", deadline.toMillis())),
        clock.instant());
  }

  private Map<String, Object> entry(Node n, ProbeResult result) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", n.id());
    e.put("name", n.name());
    e.put("base_url", n.baseUrl().toString());
    switch (result) {
      case null -> e.put("status", "pending");
      case ProbeResult.Answered a -> {
        e.put("status", a.status());
        e.put("node_status", a.nodeStatus());
        e.put("latency_ms", a.latency().toMillis());
      }
      case ProbeResult.Failed f -> {
        e.put("status", "unavailable");
        e.put("error", Map.of("code", f.error().code().name(), "message",
            f.error().getMessage()));
      }
    }
    e.put("last_seen", NodeView.text(view.lastSeen(n)));
    return e;
  }
}
