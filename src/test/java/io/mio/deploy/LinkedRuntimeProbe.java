package io.mio.deploy;

import com.sun.management.OperatingSystemMXBean;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;

/**
 * Run by {@link JlinkRuntimeIT} on the jlink'ed runtime the image ships: touches each platform
 * feature the product relies on (Java2D text and ImageIO JPEG for the mock camera, the JDK
 * management beans behind the JVM metrics, TLS and the HTTP client for hub-to-node calls), so
 * a module missing from the Dockerfile's list fails here rather than on a Raspberry Pi.
 */
public final class LinkedRuntimeProbe {

  private LinkedRuntimeProbe() {}

  public static void main(String[] args) throws Exception {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
    g.drawString("12:34:56 frame 42", 10, 120);
    g.dispose();
    if (!ImageIO.write(image, "jpeg", new File(args[0]))) {
      throw new IllegalStateException("no JPEG writer in this runtime");
    }

    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    SSLContext tls = SSLContext.getDefault();
    try (HttpClient client = HttpClient.newBuilder().sslContext(tls).build()) {
      System.out.println("probe ok: cpus=" + os.getAvailableProcessors()
          + " tls=" + tls.getProtocol() + " http=" + client.version());
    }
  }
}
