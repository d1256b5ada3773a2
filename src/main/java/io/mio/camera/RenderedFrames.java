package io.mio.camera;

import java.awt.image.BufferedImage;

/**
 * Mock frames drawn and encoded in full, every frame. Simple and exact, but a 720p encode costs
 * milliseconds, so {@link MockSource} uses it only where {@link SplicedFrames} cannot work (tiny
 * pictures).
 */
final class RenderedFrames implements MockFrames {

  private final MockPicture picture;
  private final int fps;
  private final BufferedImage image;
  private final JpegEncoder encoder;

  RenderedFrames(CameraSettings settings) {
    int w = settings.resolution().width();
    int h = settings.resolution().height();
    this.picture = new MockPicture(w, h, "mock camera " + w + "x" + h + "@" + settings.fps());
    this.fps = settings.fps();
    this.image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    this.encoder = new JpegEncoder(settings.jpegQuality(), 0);
  }

  @Override
  public byte[] frame(long id, long epochMillis) {
    picture.drawBackground(image, 0);
    picture.drawClock(image, 0, epochMillis);
    double phase = (id % fps) / (double) Math.max(1, fps - 1);
    picture.drawBall(image, 0, phase, picture.height() * 5 / 8);
    return JpegEncoder.withComment(encoder.encode(image), MockFrames.comment(id, epochMillis));
  }

  @Override
  public void close() {
    encoder.close();
  }
}
