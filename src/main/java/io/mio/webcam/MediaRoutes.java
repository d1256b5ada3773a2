package io.mio.webcam;

import io.mio.http.Access;
import io.mio.http.ApiException;
import io.mio.http.Exchange;
import io.mio.http.RouteHandler;
import io.mio.http.Router;
import io.mio.stream.FrameHub;
import io.mio.stream.FrameHub.Published;
import io.mio.stream.MjpegWriter;
import io.mio.stream.ResponseSink;
import io.mio.stream.StreamSession;
import io.mio.stream.StreamStats;
import io.mio.stream.WriteTimeoutException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media routes: {@code /stream.mjpg}, {@code /snapshot.jpg} and the mjpg-streamer/OctoPrint
 * forms {@code /?action=stream|snapshot} and {@code /webcam/?action=...}. Logs stream clients
 * joining and leaving, with the live count.
 */
final class MediaRoutes {

  private static final Logger LOG = LoggerFactory.getLogger("io.mio.webcam.stream");
  /** During a camera stall a stream repeats its last frame this often (client timeouts: 5 s+). */
  static final Duration STALE_REPEAT = Duration.ofSeconds(1);
  /** How long a new stream waits for the very first frame before 503. OctoPrint allows 5 s. */
  static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(4);
  private static final String RETRY_AFTER = "Retry-After";

  private final FrameHub hub;
  private final StreamStats stats;
  private final NodeHealth health;
  private final Supplier<StreamConfig> config;

  MediaRoutes(FrameHub hub, StreamStats stats, NodeHealth health, Supplier<StreamConfig> config) {
    this.hub = hub;
    this.stats = stats;
    this.health = health;
    this.config = config;
  }

  void register(Router router, RouteHandler page) {
    router.get("/stream.mjpg", Access.VIEWER, this::stream);
    router.get("/snapshot.jpg", Access.VIEWER, this::snapshot);
    router.get("/", Access.VIEWER, ex -> compat(ex, page));
    // OctoPrint always names an action here; the page's relative links would not work below it.
    router.get("/webcam", Access.VIEWER, ex -> compat(ex, null));
  }

  /** {@code ?action=stream|snapshot}; without an action, the page where there is one. */
  private void compat(Exchange ex, RouteHandler page) throws Exception {
    String action = ex.query("action").orElse("");
    switch (action) {
      case "stream" -> stream(ex);
      case "snapshot" -> snapshot(ex);
      default -> {
        if (!action.isEmpty() || page == null) {
          throw ApiException.validation(Map.of("action",
              "action must be stream or snapshot, got '" + action + "'"));
        }
        page.handle(ex);
      }
    }
  }

  void stream(Exchange ex) throws InterruptedException {
    int fpsLimit = ex.queryInt("fps", 1, 120).orElse(0);
    if (ex.isHead()) {
      headOfStream(ex);
      return;
    }
    StreamStats.Client client = stats.tryOpen().orElseThrow(() -> tooManyStreams(ex));
    End end = End.NODE_STOPPING;
    try {
      Published first = hub.awaitNewer(0, FIRST_FRAME_WAIT).orElseThrow(() -> unavailable());
      LOG.info("stream client {} connected from {} fps_limit={} clients={}/{}", client.id(),
          ex.remoteAddress().getHostAddress(), fpsLimit == 0 ? "none" : fpsLimit,
          stats.current(), stats.maxClients());
      end = serve(ex, client, first, fpsLimit);
    } finally {
      stats.close(client, end == End.WRITE_TIMEOUT);
    }
    LOG.info("stream client {} disconnected ({}) frames={} dropped={} clients={}/{}",
        client.id(), end.text, client.framesSent(), client.framesDropped(), stats.current(),
        stats.maxClients());
  }

  /** Why a stream ended. */
  private enum End {
    NODE_STOPPING("node stopping"), CLIENT_LEFT("client left"), WRITE_TIMEOUT("write timeout");

    final String text;

    End(String text) {
      this.text = text;
    }
  }

  private End serve(Exchange ex, StreamStats.Client client, Published first, int fpsLimit)
      throws InterruptedException {
    StreamConfig c = config.get();
    ex.beginStreaming(200, MjpegWriter.CONTENT_TYPE);
    noCache(ex);
    ResponseSink sink = new ResponseSink(ex.request(), ex.response(), c.writeTimeout());
    var options = new StreamSession.Options(fpsLimit, STALE_REPEAT, c.maxFrameAge());
    try {
      new StreamSession(hub, sink, client, options).run(first);
      ex.finish();
      return End.NODE_STOPPING;
    } catch (WriteTimeoutException e) {
      LOG.warn("stream client {} read nothing for {} ms; closed it (remote {}); raise "
          + "MIO_STREAM_WRITE_TIMEOUT_SECONDS for very slow links", client.id(),
          e.timeout().toMillis(), ex.remoteAddress().getHostAddress());
      ex.abort(e);
      return End.WRITE_TIMEOUT;
    } catch (IOException e) {
      ex.abort(e);
      return End.CLIENT_LEFT;
    }
  }

  /** HEAD: the headers a GET would get, committed with an empty write, and no body. */
  private void headOfStream(Exchange ex) {
    if (stats.current() >= stats.maxClients()) {
      throw tooManyStreams(ex);
    }
    ex.beginStreaming(200, MjpegWriter.CONTENT_TYPE);
    noCache(ex);
    Callback.Completable committed = new Callback.Completable();
    ex.response().write(false, ByteBuffer.allocate(0), committed);
    committed.orTimeout(5, TimeUnit.SECONDS).whenComplete((ok, failure) -> {
      if (failure == null) {
        ex.finish();
      } else {
        ex.abort(failure);
      }
    });
  }

  void snapshot(Exchange ex) {
    long maxAge = ex.queryInt("max_age_ms", 1, 3_600_000)
        .map(Integer::longValue).orElse(config.get().maxFrameAge().toMillis());
    Published p = hub.latest().orElseThrow(this::unavailable);
    long age = p.frame().ageMillis(System.nanoTime());
    if (age > maxAge) {
      throw stale(age, maxAge);
    }
    noCache(ex);
    ex.setHeader("X-Timestamp", MjpegWriter.epochSeconds(p.frame().captureEpochMillis()));
    ex.setHeader("X-Frame-Id", Long.toString(p.frame().id()));
    ex.send(200, "image/jpeg", p.frame().jpeg());
  }

  private static void noCache(Exchange ex) {
    ex.setHeader("Cache-Control", "no-store, no-cache, must-revalidate");
    ex.setHeader("Pragma", "no-cache");
    // Reverse proxies (nginx) would otherwise buffer the stream and add seconds of latency.
    ex.setHeader("X-Accel-Buffering", "no");
  }

  private ApiException tooManyStreams(Exchange ex) {
    LOG.warn("stream refused for {}: {} of {} streams in use; raise MIO_MAX_STREAM_CONNECTIONS "
        + "to allow more", ex.remoteAddress().getHostAddress(), stats.current(),
        stats.maxClients());
    return new ApiException(429, "TOO_MANY_STREAMS",
        "this node already serves " + stats.maxClients() + " streams (MIO_MAX_STREAM_CONNECTIONS)"
            + "; close one or try again later",
        Map.of("max", stats.maxClients(), "current", stats.current()),
        Map.of(RETRY_AFTER, "5"));
  }

  /** No frame at all: say why (starting, restarting, failed). */
  private ApiException unavailable() {
    NodeHealth.Verdict v = health.now();
    String reason = v.reason().orElse(NodeHealth.Reason.NO_FRAME_YET).json();
    return new ApiException(503, "FRAME_UNAVAILABLE",
        "the camera has not delivered a frame yet (" + reason + "); try again shortly",
        Map.of("reason", reason), Map.of(RETRY_AFTER, "1"));
  }

  private ApiException stale(long age, long maxAge) {
    String reason = health.now().reason().orElse(NodeHealth.Reason.STALE_FRAME).json();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", reason);
    details.put("frame_age_ms", age);
    details.put("max_age_ms", maxAge);
    return new ApiException(503, "FRAME_UNAVAILABLE",
        "the newest frame is " + age + " ms old, older than the " + maxAge
            + " ms allowed (" + reason + "); try again shortly",
        details, Map.of(RETRY_AFTER, "1"));
  }
}
