package io.mio.camera;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalTime;

/**
 * Draws the mock camera's pictures: colour bars with a seven-segment clock, and a band in which
 * a ball sweeps left and right. Uses only rectangles and ovals, no fonts, so it works on a
 * minimal runtime without fontconfig.
 */
final class MockPainter {

  private static final Color BALL = new Color(255, 196, 0);
  private static final Color[] BARS = {
      new Color(190, 190, 190), new Color(190, 190, 0), new Color(0, 190, 190),
      new Color(0, 190, 0), new Color(190, 0, 190), new Color(190, 0, 0), new Color(0, 0, 190)};
  /** Segments a-g lit per digit 0-9. */
  private static final int[] SEGMENTS = {
      0b1111110, 0b0110000, 0b1101101, 0b1111001, 0b0110011,
      0b1011011, 0b1011111, 0b1110000, 0b1111111, 0b1111011};

  private final int width;
  private final int height;
  private final int bandY;
  private final int bandHeight;
  /** Reused for the clock rows, which are painted once a second. */
  private BufferedImage clockImage;

  MockPainter(int width, int height, int bandY, int bandHeight) {
    this.width = width;
    this.height = height;
    this.bandY = bandY;
    this.bandHeight = bandHeight;
  }

  /** The full picture with the clock; the band area shows the ball at {@code position}. */
  BufferedImage base(LocalTime time, double position) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      paintBars(g, 0, height);
      g.translate(0, bandY);
      paintBand(g, position);
      g.translate(0, -bandY);
      paintClock(g, time); // last: in a picture too short for both, the clock stays readable
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Height in pixels of the top rows that the clock covers, box included. */
  int clockHeight() {
    int digitH = digitHeight();
    int t = Math.max(1, digitH / 10);
    return Math.max(2, digitH / 4) + digitH + t * 2;
  }

  /**
   * The top {@code rows} pixel rows of the picture (bars and clock, as in {@link #base}); the
   * image is reused and repainted on every call, so it is only valid until the next one.
   */
  BufferedImage clockRows(LocalTime time, int rows) {
    if (clockImage == null || clockImage.getHeight() != rows) {
      clockImage = new BufferedImage(width, rows, BufferedImage.TYPE_INT_RGB);
    }
    Graphics2D g = clockImage.createGraphics();
    try {
      paintBars(g, 0, rows);
      paintClock(g, time);
    } finally {
      g.dispose();
    }
    return clockImage;
  }

  /** Only the band, with the ball at {@code position} (0 = left, 1 = right). */
  BufferedImage band(double position) {
    BufferedImage image = new BufferedImage(width, bandHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      paintBand(g, position);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void paintBars(Graphics2D g, int y, int h) {
    int barWidth = Math.max(1, width / BARS.length);
    for (int i = 0; i < BARS.length; i++) {
      g.setColor(BARS[i]);
      int x = i * barWidth;
      g.fillRect(x, y, i == BARS.length - 1 ? width - x : barWidth, h);
    }
  }

  private void paintBand(Graphics2D g, double position) {
    g.setPaint(new GradientPaint(0, 0, new Color(20, 30, 60), width, 0, new Color(10, 70, 90)));
    g.fillRect(0, 0, width, bandHeight);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int d = Math.max(4, bandHeight * 3 / 4);
    int x = (int) Math.round(position * Math.max(0, width - d));
    g.setColor(BALL);
    g.fillOval(x, (bandHeight - d) / 2, d, d);
  }

  private int digitHeight() {
    return Math.max(8, Math.min(height / 6, width / 12));
  }

  private void paintClock(Graphics2D g, LocalTime time) {
    int digitH = digitHeight();
    int digitW = digitH / 2;
    int t = Math.max(1, digitH / 10);
    int x = Math.max(2, digitW / 2);
    int y = Math.max(2, digitH / 4);
    g.setColor(new Color(0, 0, 0, 170));
    g.fillRect(x - t * 2, y - t * 2, (digitW + 2 * t) * 6 + 6 * t + t * 2, digitH + t * 4);
    g.setColor(Color.WHITE);
    String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(),
        time.getSecond());
    for (char c : text.toCharArray()) {
      if (c == ':') {
        g.fillRect(x, y + digitH / 3, t, t);
        g.fillRect(x, y + 2 * digitH / 3, t, t);
        x += 3 * t;
      } else {
        paintDigit(g, c - '0', x, y, digitW, digitH, t);
        x += digitW + 2 * t;
      }
    }
  }

  private static void paintDigit(Graphics2D g, int digit, int x, int y, int w, int h, int t) {
    int lit = SEGMENTS[digit];
    int half = h / 2;
    if ((lit & 0b1000000) != 0) g.fillRect(x, y, w, t);
    if ((lit & 0b0100000) != 0) g.fillRect(x + w - t, y, t, half);
    if ((lit & 0b0010000) != 0) g.fillRect(x + w - t, y + half, t, half);
    if ((lit & 0b0001000) != 0) g.fillRect(x, y + h - t, w, t);
    if ((lit & 0b0000100) != 0) g.fillRect(x, y + half, t, half);
    if ((lit & 0b0000010) != 0) g.fillRect(x, y, t, half);
    if ((lit & 0b0000001) != 0) g.fillRect(x, y + half - t / 2, w, t);
  }
}
