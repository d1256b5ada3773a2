package io.mio.stream;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a stream's bytes go: one HTTP response in production ({@link ResponseSink}), memory in
 * tests. A write blocks until the bytes are on their way to the client (flushed), so the next
 * boundary reaches the browser right after each JPEG.
 */
@FunctionalInterface
public interface StreamSink {

  /**
   * Writes and flushes every remaining byte of {@code bytes}; the caller must not touch the
   * buffer's content meanwhile. Throws {@link WriteTimeoutException} when the client stopped
   * reading, another {@link IOException} when it went away.
   */
  void write(ByteBuffer bytes) throws IOException;
}
