package io.mio.testing;

import io.mio.camera.Frame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real, decodable JPEG frames for tests that need no camera. */
public final class TestFrames {

  private TestFrames() {}

  /** A JPEG of the given size whose colour depends on {@code seed}. */
  public static byte[] jpeg(int width, int height, int seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(Color.HSBtoRGB((seed % 32) / 32f, 0.8f, 0.9f)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A frame captured now with the given id. */
  public static Frame frame(long id, byte[] jpeg) {
    return new Frame(id, jpeg, System.currentTimeMillis(), System.nanoTime());
  }

  public static Frame frame(long id) {
    return frame(id, jpeg(32, 24, (int) id));
  }
}
