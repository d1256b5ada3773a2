package io.mio.camera;

import io.mio.config.UrlCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a camera program's standard error to the log, one line per entry, at most
 * {@link #LINES_PER_WINDOW} lines per {@link #WINDOW_NANOS} (a camera that complains about every
 * frame would drown the log otherwise); the number of lines left out is logged when the next
 * window opens. Lines are cut at {@link #MAX_LINE} characters so that a program writing binary
 * data to stderr cannot grow memory.
 */
final class StderrLog {

  static final int MAX_LINE = 300;
  static final int LINES_PER_WINDOW = 20;
  static final long WINDOW_NANOS = 10_000_000_000L;
  private static final Logger LOG = LoggerFactory.getLogger(CommandSource.class);

  private final String subject;
  private final Consumer<String> lastLine;
  private long windowStart = System.nanoTime();
  private int linesInWindow;
  private int suppressed;

  /**
   * @param subject names the camera in each line (e.g. {@code camera rpicam-vid})
   * @param lastLine told every line, logged or not, to remember the latest complaint
   */
  StderrLog(String subject, Consumer<String> lastLine) {
    this.subject = subject;
    this.lastLine = lastLine;
  }

  /** Reads {@code in} until it ends. */
  void copy(InputStream in) {
    byte[] line = new byte[MAX_LINE];
    int length = 0;
    byte[] chunk = new byte[4096];
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = chunk[i];
          if (b == '\n' || length == MAX_LINE) {
            emit(line, length);
            length = 0;
          }
          if (b != '\n' && b != '\r') {
            line[length++] = b;
          }
        }
      }
    } catch (IOException e) {
      // The program ended and its pipe closed under us: nothing more to read.
    }
    emit(line, length);
  }

  private void emit(byte[] line, int length) {
    String text = new String(line, 0, length, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return;
    }
    lastLine.accept(text);
    long now = System.nanoTime();
    if (now - windowStart > WINDOW_NANOS) {
      if (suppressed > 0) {
        LOG.info("{} stderr: {} more lines not logged", subject, suppressed);
      }
      windowStart = now;
      linesInWindow = 0;
      suppressed = 0;
    }
    if (linesInWindow++ < LINES_PER_WINDOW) {
      LOG.info("{} stderr: {}", subject, UrlCredentials.mask(text));
    } else {
      suppressed++;
    }
  }
}
