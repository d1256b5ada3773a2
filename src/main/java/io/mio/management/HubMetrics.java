package io.mio.management;

import io.mio.metrics.MetricsRegistry;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;

/**
 * The hub's own metrics: probe outcomes per code ({@code ok}, {@code degraded} or a failure code
 * such as {@code NODE_TIMEOUT}), how long overviews take and accepted announcements. No per-node
 * labels, so the series count does not grow with the fleet.
 */
final class HubMetrics {

  private final Counter probes;
  private final Histogram overview;
  private final Counter announcements;

  HubMetrics(MetricsRegistry metrics) {
    probes = Counter.builder().name("mio_hub_node_probes_total")
        .help("Node status probes by outcome").labelNames("outcome")
        .register(metrics.registry());
    overview = Histogram.builder().name("mio_hub_overview_duration_seconds")
        .help("Time to build the fleet overview").unit(Unit.SECONDS)
        .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10)
        .register(metrics.registry());
    announcements = Counter.builder().name("mio_hub_announcements_total")
        .help("Node announcements accepted, by what they did: created, refreshed, unapproved")
        .labelNames("outcome").register(metrics.registry());
  }

  void announced(String outcome) {
    announcements.labelValues(outcome).inc();
  }

  void probed(String outcome) {
    probes.labelValues(outcome).inc();
  }

  void overviewTook(Duration took) {
    overview.observe(took.toNanos() / 1e9);
  }
}
