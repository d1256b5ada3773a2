package io.mio.camera;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What the mock camera shows: a test-card background, a clock and a ball that crosses the
 * picture once a second, so a viewer sees at a glance that frames are live. Drawing only; the
 * mock sources decide what to draw when.
 */
final class MockPicture {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final Color BALL = new Color(255, 196, 0);

  private final int width;
  private final int height;
  private final String label;

  MockPicture(int width, int height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  /** The still parts of rows {@code [top, top + image height)}: background and grid. */
  void drawBackground(BufferedImage image, int top) {
    Graphics2D g = graphics(image, top);
    g.setPaint(new GradientPaint(0, 0, new Color(18, 42, 74), width, height,
        new Color(10, 90, 110)));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(255, 255, 255, 40));
    g.setStroke(new BasicStroke(1));
    int step = Math.max(8, height / 12);
    for (int x = 0; x < width; x += step) {
      g.drawLine(x, 0, x, height);
    }
    for (int y = 0; y < height; y += step) {
      g.drawLine(0, y, width, y);
    }
    g.dispose();
  }

  /** The clock (wall time of {@code epochMillis}) and the label, near the top-left corner. */
  void drawClock(BufferedImage image, int top, long epochMillis) {
    Graphics2D g = graphics(image, top);
    int size = Math.max(8, height / 10);
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, size));
    g.setColor(Color.WHITE);
    g.drawString(CLOCK.format(Instant.ofEpochMilli(epochMillis)), size / 2, size + size / 4);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, size / 3)));
    g.drawString(label, size / 2, size * 2);
    g.dispose();
  }

  /**
   * The ball at {@code phase} (0 = left edge, 1 = right edge), vertically centred on row
   * {@code centreY} of the full picture.
   */
  void drawBall(BufferedImage image, int top, double phase, int centreY) {
    Graphics2D g = graphics(image, top);
    int radius = Math.max(4, height / 14);
    int x = (int) Math.round(radius + phase * (width - 2 * radius));
    g.setColor(BALL);
    g.fillOval(x - radius, centreY - radius, 2 * radius, 2 * radius);
    g.setColor(Color.BLACK);
    g.drawOval(x - radius, centreY - radius, 2 * radius, 2 * radius);
    g.dispose();
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Graphics whose coordinates are those of the full picture, for an image starting at row top. */
  private static Graphics2D graphics(BufferedImage image, int top) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.translate(0, -top);
    return g;
  }
}
