package io.mio.camera;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes pictures with the JDK's JPEG writer at a fixed quality, always with the standard
 * (Annex K) tables, optionally with a restart marker after every {@code restartInterval} MCUs.
 * Not thread-safe: one per producing thread.
 */
final class JpegEncoder implements AutoCloseable {

  private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

  private final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
  private final ImageWriteParam param = writer.getDefaultWriteParam();
  private final int restartInterval;

  JpegEncoder(int quality, int restartInterval) {
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality / 100f);
    this.restartInterval = restartInterval;
  }

  byte[] encode(BufferedImage image) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), param);
      if (restartInterval > 0) {
        addRestartInterval(metadata);
      }
      writer.write(null, new IIOImage(image, null, metadata), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a mock frame failed", e);
    }
  }

  /** Inserts a comment segment (COM) after the JFIF header, or after SOI when there is none. */
  static byte[] withComment(byte[] jpeg, String text) {
    byte[] comment = text.getBytes(StandardCharsets.US_ASCII);
    int at = (jpeg[3] & 0xFF) == 0xE0 ? 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF)) : 2;
    byte[] out = new byte[jpeg.length + 4 + comment.length];
    System.arraycopy(jpeg, 0, out, 0, at);
    out[at] = (byte) 0xFF;
    out[at + 1] = (byte) 0xFE;
    out[at + 2] = (byte) ((comment.length + 2) >> 8);
    out[at + 3] = (byte) (comment.length + 2);
    System.arraycopy(comment, 0, out, at + 4, comment.length);
    System.arraycopy(jpeg, at, out, at + 4 + comment.length, jpeg.length - at);
    return out;
  }

  private void addRestartInterval(IIOMetadata metadata) throws IOException {
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
    IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
    IIOMetadataNode dri = new IIOMetadataNode("dri");
    dri.setAttribute("interval", Integer.toString(restartInterval));
    markers.insertBefore(dri, markers.getFirstChild());
    metadata.setFromTree(FORMAT, root);
  }

  @Override
  public void close() {
    writer.dispose();
  }
}
