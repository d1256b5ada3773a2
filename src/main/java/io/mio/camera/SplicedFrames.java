package io.mio.camera;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Mock frames at almost no cost per frame: JPEGs assembled from pre-encoded MCU rows instead of
 * encoded from pixels. Every strip is encoded with a restart marker after each MCU row, so rows
 * from separate encodings splice together (see {@link McuRows}). The picture has three bands:
 * the top (clock) is re-encoded once a second, the middle (the moving ball) cycles through one
 * pre-encoded variant per frame of a second, the bottom never changes. A frame is then a header,
 * a comment and a copy of row bytes: no drawing, no DCT.
 */
final class SplicedFrames implements MockFrames {

  private final MockPicture picture;
  private final JpegEncoder encoder;
  private final int mcuHeight;
  private final int rows;
  private final int bandStart;
  private final int bandEnd;
  private final byte[] header;
  private final List<byte[]> bottom;
  private final List<List<byte[]>> band = new ArrayList<>();
  private final List<byte[]> frameRows;
  private long second = Long.MIN_VALUE;

  private SplicedFrames(CameraSettings s, int mcuWidth, int mcuHeight) {
    int w = s.resolution().width();
    int h = s.resolution().height();
    this.picture = new MockPicture(w, h, "mock camera " + w + "x" + h + "@" + s.fps());
    this.mcuHeight = mcuHeight;
    this.rows = (h + mcuHeight - 1) / mcuHeight;
    this.encoder = new JpegEncoder(s.jpegQuality(), (w + mcuWidth - 1) / mcuWidth);
    int[] ball = picture.ballRows();
    this.bandStart = ball[0] / mcuHeight;
    this.bandEnd = Math.min(rows, (ball[1] + mcuHeight - 1) / mcuHeight);

    byte[] full = encoder.encode(render(0, h, 0, 0.0));
    this.header = McuRows.header(full);
    List<byte[]> all = McuRows.split(full, rows);
    this.bottom = List.copyOf(all.subList(bandEnd, rows));
    int variants = Math.max(2, s.fps());
    for (int k = 0; k < variants; k++) {
      band.add(strip(bandStart, bandEnd, 0, k / (double) (variants - 1)));
    }
    this.frameRows = new ArrayList<>(all);
  }

  /**
   * Spliced frames for these settings, or {@code null} where splicing cannot work: pictures too
   * small to hold separate clock, ball and still bands.
   */
  static SplicedFrames create(CameraSettings s) {
    int[] mcu = McuRows.mcuSize(new JpegEncoder(s.jpegQuality(), 0).encodeAndClose(
        new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR)));
    int h = s.resolution().height();
    if ((h + mcu[1] - 1) / mcu[1] < 4) {
      return null;
    }
    SplicedFrames frames = new SplicedFrames(s, mcu[0], mcu[1]);
    return frames.bandStart > 0 && frames.bandEnd > frames.bandStart ? frames : null;
  }

  @Override
  public byte[] frame(long id, long epochMillis) {
    if (epochMillis / 1000 != second) {
      second = epochMillis / 1000;
      List<byte[]> top = strip(0, bandStart, epochMillis, -1);
      for (int i = 0; i < bandStart; i++) {
        frameRows.set(i, top.get(i));
      }
    }
    List<byte[]> ball = band.get((int) (id % band.size()));
    for (int i = bandStart; i < bandEnd; i++) {
      frameRows.set(i, ball.get(i - bandStart));
    }
    for (int i = bandEnd; i < rows; i++) {
      frameRows.set(i, bottom.get(i - bandEnd));
    }
    return McuRows.assemble(header, McuRows.comment(MockFrames.comment(id, epochMillis)),
        frameRows);
  }

  @Override
  public void close() {
    encoder.close();
  }

  /** Rows {@code [from, to)} encoded on their own, with a clock or a ball at {@code phase}. */
  private List<byte[]> strip(int from, int to, long epochMillis, double phase) {
    int top = from * mcuHeight;
    int height = Math.min(to * mcuHeight, picture.height()) - top;
    return McuRows.split(encoder.encode(render(top, height, epochMillis, phase)), to - from);
  }

  /** Draws rows {@code [top, top + height)}: clock when epochMillis > 0, ball when phase >= 0. */
  private BufferedImage render(int top, int height, long epochMillis, double phase) {
    BufferedImage image = new BufferedImage(picture.width(), height,
        BufferedImage.TYPE_3BYTE_BGR);
    picture.drawBackground(image, top);
    if (epochMillis > 0) {
      picture.drawClock(image, top, epochMillis);
    }
    if (phase >= 0) {
      picture.drawBall(image, top, phase);
    }
    return image;
  }
}
