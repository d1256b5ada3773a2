package io.mio.stream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A {@link StreamSink} on a Jetty response. Each write is Jetty's asynchronous write with a
 * callback, waited for in short slices; the client is given up on ({@link WriteTimeoutException})
 * only when the connection made no progress for the whole write timeout. A reader that takes
 * 10 KB/s is slow but alive and keeps its stream; one that reads nothing is cut off. The caller
 * then aborts the response, which closes the connection and fails the pending write.
 *
 * <p>Progress is only visible when the kernel lets Jetty write again, which Linux does once a
 * third of the socket's send buffer has drained. With the default autotuned buffer (up to 4 MB)
 * a 10 KB/s reader would look stalled for minutes, and every slow client could pin megabytes of
 * kernel memory and seconds of latency. So the send buffer of a stream connection is sized from
 * the timeout: small enough that the slowest reader worth keeping shows progress within half
 * the timeout, and bounded so that memory per client stays small.
 */
public final class ResponseSink implements StreamSink {

  /** How often a blocked write checks for progress; a small fraction of any sane timeout. */
  private static final long SLICE_MILLIS = 200;
  /** Readers at least this fast keep their stream whatever the timeout. */
  private static final int SLOWEST_KEPT_BYTES_PER_SECOND = 10 * 1024;
  private static final int MIN_SEND_BUFFER = 8 * 1024;
  private static final int MAX_SEND_BUFFER = 256 * 1024;

  private final Response response;
  private final EndPoint endPoint;
  private final Duration writeTimeout;

  public ResponseSink(Request request, Response response, Duration writeTimeout) {
    this.response = response;
    this.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    this.writeTimeout = writeTimeout;
    limitSendBuffer(endPoint, sendBufferBytes(writeTimeout));
  }

  /**
   * Linux doubles the value set and wakes a writer when a third of that is free, so a reader at
   * rate R shows progress every {@code 2 * size / 3 / R}. Half of R times the timeout makes that
   * a third of the timeout: 10 KB for 2 s, 50 KB for the default 10 s (still 5 MB/s at 20 ms
   * round trip, ample for MJPEG).
   */
  static int sendBufferBytes(Duration writeTimeout) {
    long size = SLOWEST_KEPT_BYTES_PER_SECOND * writeTimeout.toMillis() / 2 / 1000;
    return (int) Math.clamp(size, MIN_SEND_BUFFER, MAX_SEND_BUFFER);
  }

  private static void limitSendBuffer(EndPoint endPoint, int bytes) {
    if (endPoint.getTransport() instanceof NetworkChannel channel) {
      try {
        channel.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
      } catch (IOException | UnsupportedOperationException e) {
        // Best effort: with the default buffer slow readers are merely judged more coarsely.
      }
    }
  }

  @Override
  public void write(ByteBuffer bytes) throws IOException {
    Callback.Completable done = new Callback.Completable();
    response.write(false, bytes, done);
    long started = System.nanoTime();
    while (true) {
      try {
        done.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        if (stalledMillis(started) >= writeTimeout.toMillis()) {
          throw new WriteTimeoutException(writeTimeout);
        }
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing to a stream client");
      }
    }
  }

  /**
   * Millis without progress: Jetty's end point notes every byte that reaches the socket, so its
   * idle time is exactly that. Other end points fall back to the time this write has waited.
   */
  private long stalledMillis(long startedNanos) {
    long waited = (System.nanoTime() - startedNanos) / 1_000_000;
    if (endPoint instanceof IdleTimeout idle) {
      return Math.min(waited, idle.getIdleFor());
    }
    return waited;
  }
}
