package io.mio.camera;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in camera for demos and tests: colour bars, a clock and a moving ball at the
 * configured size and rate. Each frame carries its id and capture time in a JPEG comment
 * ({@code mio frame=<id> ts=<epochMillis>}).
 *
 * <p>Cheap by construction: the full picture is encoded once at start, the band with the ball
 * once per position (the first time it is shown), and only the rows with the clock once a
 * second; each frame is
 * spliced from encoded rows (see {@link JpegRows}), so a frame costs a byte copy, not an encode.
 * Pictures too small for separate bands are encoded whole per frame, which is cheap at that
 * size.
 *
 * <p>Threads: one scheduler thread produces frames and refreshes the clock; {@link #close()}
 * stops it. The listener is called on that thread.
 */
public final class MockSource implements FrameSource {

  private static final Logger LOG = LoggerFactory.getLogger(MockSource.class);
  private static final int BAND_ROWS_OF_MCUS = 4;
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final CameraStats stats = new CameraStats();
  private final AtomicLong nextId = new AtomicLong(1);
  private final AtomicReference<CameraSettings> settings;
  /** Guarded by {@code this}: the running scheduler, replaced on reconfigure. */
  private ScheduledExecutorService scheduler;
  private volatile FrameListener listener;
  /** Only touched by the scheduler thread. */
  private long lastTickNanos = System.nanoTime() - 1_000_000_000L;
  /** Frames the scheduler thread may still send; see {@link #tick}. */
  private double credit;

  public MockSource(CameraSettings settings) {
    this.settings = new AtomicReference<>(settings);
  }

  @Override
  public synchronized void start(FrameListener frameListener) {
    this.listener = frameListener;
    launch(settings.get());
  }

  @Override
  public synchronized void reconfigure(CameraSettings next) {
    settings.set(next);
    if (scheduler != null) {
      stopScheduler();
      stats.restarts.incrementAndGet();
      launch(next);
    }
  }

  @Override
  public void restart() {
    reconfigure(settings.get());
  }

  @Override
  public String describe() {
    CameraSettings s = settings.get();
    return "mock " + s.resolution() + "@" + s.fps();
  }

  @Override
  public CameraStats stats() {
    return stats;
  }

  @Override
  public synchronized void close() {
    stopScheduler();
    stats.state(CameraStats.State.STOPPED);
  }

  private void launch(CameraSettings s) {
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("camera-mock").daemon().factory());
    // The renderer is built on the camera thread, so the node's start does not wait for it.
    Runnable ticks = new Runnable() {
      private Renderer renderer;
      private boolean failing;
      private long failedAtNanos;

      @Override
      public void run() {
        // A scheduled task that throws is never run again, so nothing may escape: a failure
        // (an OutOfMemoryError at a huge size, say) is reported and retried once a second.
        try {
          if (renderer == null && (!failing || System.nanoTime() - failedAtNanos >= RETRY_NANOS)) {
            renderer = new Renderer(s);
            if (failing) {
              LOG.info("camera mock: running again");
              failing = false;
            }
            stats.state(CameraStats.State.RUNNING);
          }
          if (renderer != null) {
            tick(renderer);
          }
        } catch (RuntimeException | Error e) {
          if (!failing) {
            LOG.warn("camera mock: {}; retrying every second; a smaller MIO_RESOLUTION or a"
                + " larger heap (-Xmx) helps when memory ran out", e.toString());
          }
          renderer = null;
          failing = true;
          failedAtNanos = System.nanoTime();
          stats.state(CameraStats.State.FAILED);
          stats.lastError("mock camera failed: " + e);
        }
      }
    };
    scheduler.scheduleAtFixedRate(ticks, 0, periodNanos(s), TimeUnit.NANOSECONDS);
    stats.state(CameraStats.State.RUNNING);
  }

  private static long periodNanos(CameraSettings s) {
    return 1_000_000_000L / s.fps();
  }

  private void stopScheduler() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  private void tick(Renderer renderer) {
    // A fixed-rate schedule that fell behind (GC, a busy machine) runs the missed ticks back to
    // back. A real camera never bursts, so ticks earn at most two frames of credit: one late
    // tick is made up, a long stall is not replayed.
    long now = System.nanoTime();
    credit = Math.min(2.0, credit + (now - lastTickNanos) / (double) renderer.periodNanos);
    lastTickNanos = now;
    if (credit < 1.0) {
      return;
    }
    credit -= 1.0;
    try {
      long id = nextId.getAndIncrement();
      long epochMillis = System.currentTimeMillis();
      long nanos = System.nanoTime();
      byte[] jpeg = renderer.frame(id, epochMillis);
      stats.framesCaptured.incrementAndGet();
      FrameListener l = listener;
      if (l != null) {
        l.onFrame(new Frame(id, jpeg, epochMillis, nanos));
      }
    } catch (RuntimeException e) {
      // One bad frame is reported and skipped; an Error goes to the caller, which rebuilds.
      stats.lastError("mock frame failed: " + e);
    }
  }

  /** Encoded material for one size and quality; used only by the scheduler thread. */
  private static final class Renderer {

    private final CameraSettings settings;
    private final long periodNanos;
    private final MockPainter painter;
    private final int positions;
    private final int bandFirstRow;
    /** The band per ball position, encoded the first time the position is shown. */
    private final JpegRows[] bands;
    /** MCU rows at the top that hold the clock; re-encoded once a second. */
    private final int clockRowsOfMcus;
    private JpegRows base;
    private JpegRows clock;
    private LocalTime clockSecond;
    /** False when frames are encoded whole: pictures too small for bands, or unequal tables. */
    private boolean spliced;

    Renderer(CameraSettings settings) {
      this.settings = settings;
      this.periodNanos = periodNanos(settings);
      int w = settings.resolution().width();
      int h = settings.resolution().height();
      this.positions = Math.max(2, Math.min(60, settings.fps() * 2));
      int mcu = 16;
      int bandHeight = BAND_ROWS_OF_MCUS * mcu;
      int rowsOfMcus = h / mcu;
      this.bandFirstRow = Math.max(0, rowsOfMcus - BAND_ROWS_OF_MCUS - 1);
      this.painter = new MockPainter(w, h, bandFirstRow * mcu, bandHeight);
      this.clockRowsOfMcus = (painter.clockHeight() + mcu - 1) / mcu;
      this.bands = new JpegRows[positions];
      if (rowsOfMcus >= BAND_ROWS_OF_MCUS + 2 && clockRowsOfMcus <= bandFirstRow) {
        base = JpegRows.encode(painter.base(LocalTime.MIDNIGHT, 0), settings.jpegQuality());
        spliced = base.mcuHeight() == mcu;
      }
    }

    byte[] frame(long id, long epochMillis) {
      int position = (int) (id % positions);
      LocalTime second = LocalTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
      if (spliced && !second.equals(clockSecond)) {
        clock = JpegRows.encode(painter.clockRows(second, clockRowsOfMcus * base.mcuHeight()),
            settings.jpegQuality());
        clockSecond = second;
        spliced = clock.compatibleWith(base);
      }
      JpegRows band = spliced ? band(position) : null;
      if (band == null) {
        return withComment(JpegRows.encode(painter.base(second, sweep(position)),
            settings.jpegQuality()), null, id, epochMillis);
      }
      return withComment(base, band, id, epochMillis);
    }

    /** The band for a ball position; null (and whole encodes from now on) if tables differ. */
    private JpegRows band(int position) {
      if (bands[position] == null) {
        JpegRows band = JpegRows.encode(painter.band(sweep(position)), settings.jpegQuality());
        spliced = base.compatibleWith(band);
        if (!spliced) {
          return null; // rather whole encodes than corrupt frames
        }
        bands[position] = band;
      }
      return bands[position];
    }

    private double sweep(int p) {
      double phase = (double) p / positions;
      return phase < 0.5 ? phase * 2 : 2 - phase * 2;
    }

    /** Header, comment, then base rows with the band's rows spliced in, then EOI. */
    private byte[] withComment(JpegRows image, JpegRows band, long id, long epochMillis) {
      byte[] comment = ("mio frame=" + id + " ts=" + epochMillis)
          .getBytes(StandardCharsets.US_ASCII);
      List<byte[]> rows = image.rows();
      int size = image.header().length + 4 + comment.length + 2;
      for (int r = 0; r < rows.size(); r++) {
        size += row(rows, band, r).length + (r < rows.size() - 1 ? 2 : 0);
      }
      byte[] out = new byte[size];
      int at = insertComment(image.header(), comment, out);
      for (int r = 0; r < rows.size(); r++) {
        byte[] data = row(rows, band, r);
        System.arraycopy(data, 0, out, at, data.length);
        at += data.length;
        if (r < rows.size() - 1) {
          out[at++] = (byte) 0xFF;
          out[at++] = (byte) (0xD0 + (r % 8));
        }
      }
      out[at++] = (byte) 0xFF;
      out[at] = (byte) 0xD9;
      return out;
    }

    private byte[] row(List<byte[]> rows, JpegRows band, int r) {
      if (band != null && r < clockRowsOfMcus) {
        return clock.rows().get(r);
      }
      int inBand = r - bandFirstRow;
      if (band != null && inBand >= 0 && inBand < band.rows().size()) {
        return band.rows().get(inBand);
      }
      return rows.get(r);
    }

    /** Copies the header with a COM segment right after SOI and APP0; returns the end offset. */
    private static int insertComment(byte[] header, byte[] comment, byte[] out) {
      int split = 2;
      if ((header[3] & 0xFF) == 0xE0) {
        split = 4 + JpegRows.length(header, 2);
      }
      System.arraycopy(header, 0, out, 0, split);
      int at = split;
      out[at++] = (byte) 0xFF;
      out[at++] = (byte) 0xFE;
      out[at++] = (byte) ((comment.length + 2) >> 8);
      out[at++] = (byte) (comment.length + 2);
      System.arraycopy(comment, 0, out, at, comment.length);
      at += comment.length;
      System.arraycopy(header, split, out, at, header.length - split);
      return at + header.length - split;
    }
  }
}
