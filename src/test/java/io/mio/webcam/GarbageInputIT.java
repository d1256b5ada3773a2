package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.CameraScripts;
import io.mio.testing.MioProcess;
import io.mio.testing.MjpegParser;
import io.mio.testing.MjpegParser.Part;
import io.mio.testing.NodeProbe;
import io.mio.testing.RawHttp;
import io.mio.testing.TestFrames;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera that emits truncated JPEGs, random bytes and a 50 MB "frame" between good frames:
 * every part served is still a complete, decodable image, and memory stays bounded.
 */
class GarbageInputIT {

  private static final int FIFTY_MB = 50 << 20;

  @TempDir
  Path dir;

  @Test
  void garbageFromTheCameraNeverReachesAClientNorGrowsMemory() throws Exception {
    Path script = garbageCamera();
    try (MioProcess node = MioProcess.webcam().env("MIO_CAMERA", "command")
        .env("MIO_CAMERA_COMMAND", "sh " + script).start().awaitReady()) {
      long heapBefore = NodeProbe.heapAfterGc(node);

      try (RawHttp stream = RawHttp.get(node.port(), "/stream.mjpg", 256 * 1024)) {
        MjpegParser parser = new MjpegParser(stream.body(),
            MjpegParser.boundaryOf(stream.header("Content-Type")));
        for (int i = 0; i < 200; i++) {
          Part part = parser.next();
          BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.jpeg()));
          assertThat(image).as("part %d decodes", i).isNotNull();
          assertThat(image.getWidth()).as("part %d width", i).isEqualTo(320);
        }
      }

      assertThat(NodeProbe.metric(node, "mio_camera_frames_dropped_total{reason=\"oversized\"}"))
          .isPositive();
      assertThat(NodeProbe.metric(node, "mio_camera_frames_dropped_total{reason=\"truncated\"}"))
          .isPositive();
      long rss = NodeProbe.rssBytes(node);
      long heapAfter = NodeProbe.heapAfterGc(node);
      System.out.printf("garbage input: RSS %d MB, heap after GC %d KB -> %d KB%n", rss >> 20,
          heapBefore >> 10, heapAfter >> 10);
      assertThat(rss).as("RSS").isLessThan(450L << 20);
      assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(24L << 20);
    }
  }

  /** Writes the pieces and a bounded script that cycles through them. */
  private Path garbageCamera() throws IOException {
    for (int i = 1; i <= 3; i++) {
      Files.write(dir.resolve("good" + i + ".jpg"), TestFrames.jpeg(320, 240, i * 7));
    }
    byte[] good = TestFrames.jpeg(320, 240, 5);
    Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(good, good.length / 2));
    Random random = new Random(42);
    Files.write(dir.resolve("random.bin"), withoutMarkers(random, 20_000));
    try (OutputStream out = Files.newOutputStream(dir.resolve("big.bin"))) {
      // A real JPEG's headers, then a 50 MB scan: well formed, only far too large.
      out.write(good, 0, scanStart(good));
      for (int written = 0; written < FIFTY_MB; written += 1 << 20) {
        out.write(withoutMarkers(random, 1 << 20));
      }
      out.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
    }
    return CameraScripts.script(dir, "garbage-camera.sh", """
        #!/bin/sh
        cd '%s'
        i=0
        while [ $i -lt 600 ]; do
          cat good1.jpg truncated.jpg good2.jpg random.bin good3.jpg
          if [ $((i %% 25)) -eq 3 ]; then cat big.bin; fi
          sleep 0.1
          i=$((i + 1))
        done
        """.formatted(dir));
  }

  /** Where the entropy-coded data begins: just after the start-of-scan segment. */
  private static int scanStart(byte[] jpeg) {
    for (int i = 2; i + 3 < jpeg.length; ) {
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      if ((jpeg[i + 1] & 0xFF) == 0xDA) {
        return i + 2 + length;
      }
      i += 2 + length;
    }
    throw new IllegalArgumentException("no start of scan");
  }

  /** Random bytes without 0xFF, so they hold no JPEG marker and only a length limit ends them. */
  private static byte[] withoutMarkers(Random random, int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == (byte) 0xFF) {
        bytes[i] = (byte) 0xFE;
      }
    }
    return bytes;
  }
}
