package io.mio.management;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each node last answered a probe. Probes run often (every overview), so the times are
 * kept in memory and written to the registry at most once per {@link #FLUSH_INTERVAL} and on
 * close, instead of rewriting the file on every probe; a crash loses at most that interval of
 * {@code last_seen} updates, nothing else. Responses show the newer of memory and file.
 *
 * <p>Thread-safe: a concurrent map; the flusher is one virtual thread.
 */
final class LastSeen implements AutoCloseable {

  /** Bounds both the file writes caused by probes and the updates a crash can lose. */
  static final Duration FLUSH_INTERVAL = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(LastSeen.class);

  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final NodeRegistry registry;
  private final Thread flusher;

  LastSeen(NodeRegistry registry) {
    this.registry = registry;
    this.flusher = Thread.ofVirtual().name("last-seen-flush").start(this::flushPeriodically);
  }

  void record(String id, Instant at) {
    seen.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    dirty.set(true);
  }

  /** The newest time the node was seen, from memory or the registry; null if never. */
  Instant of(Node n) {
    Instant mem = seen.get(n.id());
    if (mem == null || (n.lastSeen() != null && n.lastSeen().isAfter(mem))) {
      return n.lastSeen();
    }
    return mem;
  }

  void forget(String id) {
    seen.remove(id);
  }

  /** Writes the in-memory times of nodes still registered into the file. */
  void flush() {
    if (!dirty.getAndSet(false)) {
      return;
    }
    try {
      registry.edit(nodes -> nodes.replaceAll(n -> n.withLastSeen(of(n))));
    } catch (RuntimeException e) {
      dirty.set(true);
      LOG.warn("registry last_seen not saved: {}; will retry in {} s", e.getMessage(),
          FLUSH_INTERVAL.toSeconds());
    }
  }

  private void flushPeriodically() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(FLUSH_INTERVAL);
      } catch (InterruptedException e) {
        return;
      }
      flush();
    }
  }

  @Override
  public void close() {
    flusher.interrupt();
    flush();
  }
}
