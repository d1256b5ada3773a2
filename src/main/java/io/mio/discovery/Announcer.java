package io.mio.discovery;

import io.mio.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces a webcam node to its hub at start and then every interval (jittered by +-20% so a
 * fleet that boots together does not call in lock step). While the hub is down or refuses,
 * retries start after a second and double up to the interval. Only changes of state are logged
 * (joined, refused, hub down), never each attempt, and never the shared secret or the callback
 * token.
 *
 * <p>One virtual thread runs the loop; {@link #close()} wakes and ends it.
 */
public final class Announcer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);
  private static final String PATH = "/api/v1/discovery/announce";
  /** Nodes often boot before their hub: retry soon, then back off towards the interval. */
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final int MAX_REPLY_BYTES = 4096;

  private final DiscoveryConfig config;
  private final Announcement announcement;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Thread thread;
  /** Guarded by {@link #lock}. */
  private boolean closed;
  /** Only touched by the loop thread. */
  private String lastOutcome = "";

  private Announcer(DiscoveryConfig config, Announcement announcement) {
    this.config = config;
    this.announcement = announcement;
    this.thread = Thread.ofVirtual().name("announcer").unstarted(this::loop);
  }

  public static Announcer start(DiscoveryConfig config, Announcement announcement) {
    Announcer a = new Announcer(config, announcement);
    LOG.info("discovery: announcing {} as {} to {} every ~{}s", announcement.nodeId(),
        announcement.baseUrl(), config.managementUrl().orElseThrow(),
        config.interval().toSeconds());
    a.thread.start();
    return a;
  }

  /** Sends one announcement; returns the HTTP status, or -1 when the hub could not be reached. */
  int announceOnce() {
    URI target = URI.create(config.managementUrl().orElseThrow() + PATH);
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + config.sharedSecret())
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body())))
        .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = response.body()) {
        // Only a short excerpt is ever logged: never buffer what a wrong or hostile URL sends.
        body = new String(in.readNBytes(MAX_REPLY_BYTES), StandardCharsets.UTF_8);
      }
      report(response.statusCode(), body);
      return response.statusCode();
    } catch (IOException e) {
      report(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private Map<String, Object> body() {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", announcement.callbackToken().isPresent() ? "bearer" : "none");
    announcement.callbackToken().ifPresent(t -> auth.put("token", t));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("node_id", announcement.nodeId());
    body.put("name", announcement.name());
    body.put("base_url", announcement.baseUrl().toString());
    body.put("auth", auth);
    body.put("version", announcement.version());
    return body;
  }

  private void loop() {
    Duration backoff = FIRST_RETRY;
    while (!isClosed()) {
      int status;
      try {
        status = announceOnce();
      } catch (RuntimeException e) {
        LOG.error("discovery: announcement failed unexpectedly", e);
        status = -1;
      }
      boolean accepted = status >= 200 && status < 300;
      Duration wait = accepted ? config.interval() : backoff;
      backoff = accepted ? FIRST_RETRY : min(backoff.multipliedBy(2), config.interval());
      if (!sleep(jitter(wait))) {
        return;
      }
    }
  }

  private void report(int status, String detail) {
    String outcome = status >= 200 && status < 300 ? "accepted"
        : status == -1 ? "unreachable" : "refused " + status;
    if (outcome.equals(lastOutcome)) {
      return;
    }
    lastOutcome = outcome;
    switch (outcome) {
      case "accepted" -> LOG.info("discovery: hub {} accepted {} ({})",
          config.managementUrl().orElseThrow(), announcement.nodeId(), clip(detail));
      case "unreachable" -> LOG.warn("discovery: hub {} unreachable ({}); retrying with backoff",
          config.managementUrl().orElseThrow(), clip(detail));
      default -> LOG.warn("discovery: hub {} refused the announcement with HTTP {} ({}); check"
              + " MIO_NODE_DISCOVERY_SHARED_SECRET and the hub's MIO_NODE_ALLOWED_NETWORKS",
          config.managementUrl().orElseThrow(), status, clip(detail));
    }
  }

  private static String clip(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }

  private static Duration jitter(Duration d) {
    double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis((long) (d.toMillis() * factor));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** Waits, waking early on close; false when closed. */
  private boolean sleep(Duration d) {
    lock.lock();
    try {
      long nanos = d.toNanos();
      while (!closed && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      return !closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    http.close();
  }
}
