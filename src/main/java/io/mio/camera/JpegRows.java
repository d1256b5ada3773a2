package io.mio.camera;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * A baseline JPEG encoded with a restart marker after every row of MCUs, cut into its header and
 * its rows. Because every restart resets the DC predictors, rows of two images encoded with the
 * same tables and width can be spliced into one valid JPEG: the mock camera swaps a band of
 * pre-encoded rows per frame instead of encoding a whole image.
 *
 * @param header everything from SOI to the end of the SOS segment
 * @param rows the entropy-coded data of each MCU row, restart markers removed
 * @param mcuHeight pixel height of one MCU row
 */
record JpegRows(byte[] header, List<byte[]> rows, int mcuHeight) {

  private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

  static JpegRows encode(BufferedImage image, int quality) {
    byte[] jpeg = encodeWithRowRestarts(image, quality);
    int sos = findSegment(jpeg, 0xDA);
    int entropyStart = sos + 2 + length(jpeg, sos);
    byte[] header = Arrays.copyOfRange(jpeg, 0, entropyStart);
    return new JpegRows(header, splitRows(jpeg, entropyStart), mcuHeight(jpeg));
  }

  /** The table segments (DQT, DHT) and frame layout must match for rows to be interchangeable. */
  boolean compatibleWith(JpegRows other) {
    return Arrays.equals(tables(header), tables(other.header)) && mcuHeight == other.mcuHeight
        && width(header) == width(other.header);
  }

  private static byte[] encodeWithRowRestarts(BufferedImage image, int quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try {
      JPEGImageWriteParam param = new JPEGImageWriteParam(null);
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
      IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
      IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence")
          .item(0);
      Node sos = markers.getElementsByTagName("sos").item(0);
      IIOMetadataNode dri = new IIOMetadataNode("dri");
      dri.setAttribute("interval", Integer.toString((image.getWidth() + 15) / 16));
      markers.insertBefore(dri, sos);
      meta.setFromTree(FORMAT, root);
      ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
      try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.write(null, new IIOImage(image, null, meta), param);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  private static List<byte[]> splitRows(byte[] jpeg, int start) {
    List<byte[]> rows = new ArrayList<>();
    int rowStart = start;
    int end = jpeg.length - 2; // EOI
    for (int i = start; i < end; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
        rows.add(Arrays.copyOfRange(jpeg, rowStart, i));
        rowStart = i + 2;
        i++;
      }
    }
    rows.add(Arrays.copyOfRange(jpeg, rowStart, end));
    return rows;
  }

  /** Offset of the first segment with this marker, searching the header segment by segment. */
  static int findSegment(byte[] jpeg, int marker) {
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      if ((jpeg[i + 1] & 0xFF) == marker) {
        return i;
      }
      i += 2 + length(jpeg, i);
    }
    throw new IllegalStateException("JPEG has no marker 0x" + Integer.toHexString(marker));
  }

  static int length(byte[] jpeg, int segment) {
    return ((jpeg[segment + 2] & 0xFF) << 8) | (jpeg[segment + 3] & 0xFF);
  }

  private static int mcuHeight(byte[] jpeg) {
    int sof = findSegment(jpeg, 0xC0);
    int components = jpeg[sof + 9] & 0xFF;
    int maxV = 1;
    for (int c = 0; c < components; c++) {
      maxV = Math.max(maxV, jpeg[sof + 11 + 3 * c] & 0x0F);
    }
    return 8 * maxV;
  }

  private static int width(byte[] header) {
    int sof = findSegment(header, 0xC0);
    return ((header[sof + 7] & 0xFF) << 8) | (header[sof + 8] & 0xFF);
  }

  private static byte[] tables(byte[] header) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 2;
    while (i + 4 <= header.length && (header[i] & 0xFF) == 0xFF) {
      int marker = header[i + 1] & 0xFF;
      int len = length(header, i);
      if (marker == 0xDB || marker == 0xC4) {
        out.write(header, i, 2 + len);
      }
      i += 2 + len;
    }
    return out.toByteArray();
  }
}
