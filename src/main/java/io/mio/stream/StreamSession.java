package io.mio.stream;

import io.mio.stream.FrameHub.Published;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends one client the newest frames of a {@link FrameHub} until the client leaves, stops
 * reading, or the hub closes. The client always gets the newest frame once it is ready for one:
 * frames published while it was still writing are dropped for it (and counted), never queued.
 * During a camera stall the last frame is repeated every {@code staleRepeat}, marked stale, so
 * that clients with read timeouts of a few seconds stay connected.
 *
 * <p>Runs on the calling thread (one virtual thread per client) and blocks in the hub and in
 * the sink; it holds at most one frame at a time.
 */
public final class StreamSession {

  /**
   * @param fpsLimit the most frames per second this client wants, 0 for as many as arrive
   * @param staleRepeat how long without a new frame before the last one is sent again, marked
   * @param staleAfter a first frame older than this is marked stale too
   */
  public record Options(int fpsLimit, Duration staleRepeat, Duration staleAfter) {

    public Options {
      if (fpsLimit < 0) {
        throw new IllegalArgumentException("fps limit must be 0 (none) or more, got " + fpsLimit);
      }
    }
  }

  private final FrameHub hub;
  private final MjpegWriter writer;
  private final StreamStats.Client client;
  private final Options options;
  private long lastPartNanos;
  private long sequenceAfterWrite;

  public StreamSession(FrameHub hub, StreamSink sink, StreamStats.Client client, Options options) {
    this.hub = hub;
    this.writer = new MjpegWriter(sink);
    this.client = client;
    this.options = options;
  }

  /**
   * Streams, starting with {@code first} at once. Returns normally when the hub closes; throws
   * {@link WriteTimeoutException} or another {@link IOException} when the client fails.
   */
  public void run(Published first) throws IOException, InterruptedException {
    client.wroteBytes(writer.open());
    boolean old = first.frame().ageMillis(System.nanoTime()) > options.staleAfter().toMillis();
    send(first, old);
    Published sent = first;
    while (!hub.isClosed()) {
      pace();
      long sinceLast = System.nanoTime() - lastPartNanos;
      Duration wait = Duration.ofNanos(Math.max(0, options.staleRepeat().toNanos() - sinceLast));
      Optional<Published> next = hub.awaitNewer(sent.sequence(), wait);
      if (hub.isClosed()) {
        return;
      }
      if (next.isEmpty()) {
        send(sent, true);
        continue;
      }
      countMissed(sent, next.get());
      sent = next.get();
      send(sent, false);
    }
  }

  private void send(Published p, boolean stale) throws IOException {
    lastPartNanos = System.nanoTime();
    int bytes = writer.write(p.frame(), stale);
    sequenceAfterWrite = hub.latest().map(Published::sequence).orElse(0L);
    client.sent(bytes, stale);
  }

  /** Waits out the client's fps limit, measured from the start of the previous part. */
  private void pace() throws InterruptedException {
    if (options.fpsLimit() == 0) {
      return;
    }
    long due = lastPartNanos + 1_000_000_000L / options.fpsLimit();
    long wait = due - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
  }

  /**
   * Frames between the one sent and the next: those that arrived while the client was still
   * writing (all but the newest of them) are drops; the rest were left out for the fps limit.
   */
  private void countMissed(Published sent, Published next) {
    long gap = next.sequence() - sent.sequence() - 1;
    if (gap <= 0) {
      return;
    }
    long duringWrite = Math.max(0, sequenceAfterWrite - sent.sequence() - 1);
    long dropped = options.fpsLimit() == 0 ? gap : Math.min(gap, duringWrite);
    client.missed(dropped, gap - dropped);
  }
}
