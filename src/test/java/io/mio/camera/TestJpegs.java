package io.mio.camera;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real JPEGs for tests, made with ImageIO, and ways to damage them. */
final class TestJpegs {

  private TestJpegs() {}

  /** A noisy picture (so the entropy data holds stuffed FF00 bytes) of the given size. */
  static byte[] encode(int width, int height, long seed) {
    return encode(picture(width, height, seed), 0);
  }

  /** Same, with a restart marker (RSTn) after every {@code restartInterval} MCUs. */
  static byte[] encodeWithRestarts(int width, int height, long seed, int restartInterval) {
    return encode(picture(width, height, seed), restartInterval);
  }

  /**
   * Inserts an APP1 EXIF segment right after SOI: a little-endian TIFF header, an empty IFD0 and
   * an IFD1 pointing at {@code thumbnail} (a whole JPEG), which follows.
   */
  static byte[] withExifThumbnail(byte[] jpeg, byte[] thumbnail) {
    ByteBuffer tiff = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put("II".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
    tiff.putShort((short) 0).putInt(14); // IFD0: no entries, IFD1 at 14
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0201).putShort((short) 4).putInt(1).putInt(44);
    tiff.putShort((short) 0x0202).putShort((short) 4).putInt(1).putInt(thumbnail.length);
    tiff.putInt(0);
    byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + exif.length + tiff.capacity() + thumbnail.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {-1, (byte) 0xD8, -1, (byte) 0xE1});
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(exif);
    out.writeBytes(tiff.array());
    out.writeBytes(thumbnail);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The JPEG without its first segment of the given marker (e.g. 0xC0 for SOF0). */
  static byte[] withoutSegment(byte[] jpeg, int marker) {
    int i = segmentOffset(jpeg, marker);
    int length = 2 + segmentLength(jpeg, i);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, i);
    out.write(jpeg, i + length, jpeg.length - i - length);
    return out.toByteArray();
  }

  /** Offset of the first header segment with the given marker (its FF byte). */
  static int segmentOffset(byte[] jpeg, int marker) {
    int i = 2;
    while ((jpeg[i + 1] & 0xFF) != marker) {
      i += 2 + segmentLength(jpeg, i);
    }
    return i;
  }

  /** Offset of the first byte after the SOS header, where entropy-coded data begins. */
  static int entropyStart(byte[] jpeg) {
    int sos = segmentOffset(jpeg, 0xDA);
    return sos + 2 + segmentLength(jpeg, sos);
  }

  private static int segmentLength(byte[] jpeg, int at) {
    return ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
  }

  static BufferedImage decode(byte[] jpeg) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
      if (image == null) {
        throw new IllegalStateException("ImageIO found no JPEG reader for the bytes");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static BufferedImage picture(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(random.nextInt(0x1000000)));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, int restartInterval) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.8f);
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), param);
      if (restartInterval > 0) {
        addRestartInterval(metadata, restartInterval);
      }
      writer.write(null, new IIOImage(image, null, metadata), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  private static void addRestartInterval(IIOMetadata metadata, int interval) throws IOException {
    String format = "javax_imageio_jpeg_image_1.0";
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
    IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
    IIOMetadataNode dri = new IIOMetadataNode("dri");
    dri.setAttribute("interval", Integer.toString(interval));
    markers.insertBefore(dri, markers.getFirstChild());
    metadata.setFromTree(format, root);
  }
}
