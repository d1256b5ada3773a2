package io.mio.webcam;

import io.mio.camera.CameraStats;
import io.mio.camera.FrameSource;
import io.mio.http.Access;
import io.mio.http.Exchange;
import io.mio.http.Router;
import io.mio.metrics.MetricsRegistry;
import io.mio.stream.FrameHub;
import io.mio.stream.JpegSize;
import io.mio.stream.StreamStats;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Liveness, readiness, Prometheus metrics and the JSON status the hub polls. {@code /health},
 * {@code /ready} and {@code /metrics} are public and reveal nothing sensitive.
 */
final class StatusRoutes {

  /** From the jar's manifest; "dev" when run from classes. */
  static final String VERSION = java.util.Objects.requireNonNullElse(
      StatusRoutes.class.getPackage().getImplementationVersion(), "dev");

  private final String name;
  private final FrameSource source;
  private final FrameHub hub;
  private final StreamStats streams;
  private final NodeHealth health;
  private final MetricsRegistry metrics;
  private final long startedNanos = System.nanoTime();

  StatusRoutes(String name, FrameSource source, FrameHub hub, StreamStats streams,
      NodeHealth health, MetricsRegistry metrics) {
    this.name = name;
    this.source = source;
    this.hub = hub;
    this.streams = streams;
    this.health = health;
    this.metrics = metrics;
  }

  void register(Router router) {
    router.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, Map.of("status", "ok")));
    router.get("/ready", Access.PUBLIC, this::ready);
    router.get("/metrics", Access.PUBLIC,
        ex -> ex.send(200, MetricsRegistry.CONTENT_TYPE, metrics.scrape()));
    router.get("/api/status", Access.VIEWER, ex -> ex.sendJson(200, status()));
  }

  private void ready(Exchange ex) {
    NodeHealth.Verdict v = health.now();
    Map<String, Object> body = new LinkedHashMap<>();
    if (v.ok()) {
      body.put("status", "ready");
      body.put("frame_age_ms", v.frameAgeMillis().orElse(null));
      ex.sendJson(200, body);
      return;
    }
    body.put("status", "not_ready");
    body.put("reason", v.reason().get().json());
    body.put("frame_age_ms", v.frameAgeMillis().orElse(null));
    ex.setHeader("Retry-After", "1");
    ex.sendJson(503, body);
  }

  /** The contract the hub and the page read; keep field names and meanings stable. */
  Map<String, Object> status() {
    long now = System.nanoTime();
    NodeHealth.Verdict v = health.now();
    CameraStats stats = source.stats();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", v.ok() ? "ok" : "degraded");
    s.put("reason", v.reason().map(NodeHealth.Reason::json).orElse(null));
    s.put("name", name);
    s.put("version", VERSION);
    s.put("mode", "webcam");
    s.put("stream_available", v.ok());
    s.put("camera_active", stats.state() == CameraStats.State.RUNNING);
    s.put("fps", Math.round(hub.fps(now) * 10) / 10.0);
    s.put("resolution", hub.latest().flatMap(p -> JpegSize.text(p.frame().jpeg())).orElse(null));
    s.put("frame_age_ms", v.frameAgeMillis().orElse(null));
    s.put("connections", connections());
    s.put("uptime_seconds", (now - startedNanos) / 1_000_000_000L);
    s.put("frames_captured", stats.framesCaptured.get());
    s.put("frames_dropped", stats.framesDropped());
    s.put("camera", camera(stats));
    return s;
  }

  private Map<String, Object> connections() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("current", streams.current());
    c.put("max", streams.maxClients());
    return c;
  }

  private Map<String, Object> camera(CameraStats stats) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("source", source.describe());
    c.put("state", stats.state().name().toLowerCase(Locale.ROOT));
    c.put("restarts", stats.restarts.get());
    return c;
  }
}
