package io.mio.stream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stream clients of one node: the connection cap, who is connected, and totals for metrics.
 * Thread-safe: sessions update their own {@link Client} and the adders from their threads;
 * scrapes read whatever is current. Entries are removed when a client ends, so the map never
 * holds more than the cap.
 */
public final class StreamStats {

  /** Counters of one connected client, written only by its session's thread. */
  public static final class Client {

    private final long id;
    private final StreamStats owner;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong framesSkipped = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();

    private Client(long id, StreamStats owner) {
      this.id = id;
      this.owner = owner;
    }

    public long id() {
      return id;
    }

    /** Frames sent, stale repeats included. */
    public long framesSent() {
      return framesSent.get();
    }

    /** Frames this client missed because it was still busy with an earlier one. */
    public long framesDropped() {
      return framesDropped.get();
    }

    /** Frames left out on purpose to honour the client's {@code fps} limit. */
    public long framesSkipped() {
      return framesSkipped.get();
    }

    public long bytesSent() {
      return bytesSent.get();
    }

    void sent(int bytes, boolean stale) {
      framesSent.incrementAndGet();
      bytesSent.addAndGet(bytes);
      owner.bytesSent.add(bytes);
      owner.framesSent.increment();
      if (stale) {
        owner.staleRepeats.increment();
      }
    }

    void wroteBytes(int bytes) {
      bytesSent.addAndGet(bytes);
      owner.bytesSent.add(bytes);
    }

    void missed(long dropped, long skipped) {
      framesDropped.addAndGet(dropped);
      framesSkipped.addAndGet(skipped);
      owner.framesDropped.add(dropped);
      owner.framesSkipped.add(skipped);
    }
  }

  private final AtomicInteger current = new AtomicInteger();
  private final AtomicLong nextId = new AtomicLong();
  private final Map<Long, Client> clients = new ConcurrentHashMap<>();
  private final LongAdder bytesSent = new LongAdder();
  private final LongAdder framesSent = new LongAdder();
  private final LongAdder framesDropped = new LongAdder();
  private final LongAdder framesSkipped = new LongAdder();
  private final LongAdder staleRepeats = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private volatile int maxClients;

  public StreamStats(int maxClients) {
    maxClients(maxClients);
  }

  /** Takes a slot for a new client, or empty (and counts a refusal) when the cap is reached. */
  public Optional<Client> tryOpen() {
    int now;
    do {
      now = current.get();
      if (now >= maxClients) {
        refused.increment();
        return Optional.empty();
      }
    } while (!current.compareAndSet(now, now + 1));
    Client c = new Client(nextId.incrementAndGet(), this);
    clients.put(c.id(), c);
    return Optional.of(c);
  }

  /** Frees the client's slot; call exactly once per opened client. */
  public void close(Client client, boolean timedOutWriting) {
    if (clients.remove(client.id()) != null) {
      current.decrementAndGet();
      if (timedOutWriting) {
        timedOut.increment();
      }
    }
  }

  /** Changes the cap; clients above a lowered cap stay until they leave. */
  public void maxClients(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max stream clients must be at least 1, got " + max);
    }
    this.maxClients = max;
  }

  public int maxClients() {
    return maxClients;
  }

  public int current() {
    return current.get();
  }

  public Collection<Client> clients() {
    return List.copyOf(clients.values());
  }

  public long bytesSent() {
    return bytesSent.sum();
  }

  public long framesSent() {
    return framesSent.sum();
  }

  public long framesDropped() {
    return framesDropped.sum();
  }

  public long framesSkipped() {
    return framesSkipped.sum();
  }

  public long staleRepeats() {
    return staleRepeats.sum();
  }

  /** Stream requests answered 429 because the cap was reached. */
  public long refused() {
    return refused.sum();
  }

  /** Clients closed because they stopped reading. */
  public long timedOut() {
    return timedOut.sum();
  }
}
