package io.mio.deploy;

import com.sun.management.OperatingSystemMXBean;
import io.mio.camera.CameraSettings;
import io.mio.camera.Frame;
import io.mio.camera.MockSource;
import io.mio.config.Resolution;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;

/**
 * Run by {@link JlinkRuntimeIT} on the jlink'ed runtime the image ships (classpath: the jar and
 * the test classes). It touches each platform feature the product relies on: the mock camera's
 * Java2D painting and ImageIO JPEG encoding, the JDK management beans behind the JVM metrics,
 * TLS and the HTTP client for hub-to-node calls. A module missing from the Dockerfile's list
 * then fails here rather than on a Raspberry Pi.
 */
public final class LinkedRuntimeProbe {

  private LinkedRuntimeProbe() {}

  public static void main(String[] args) throws Exception {
    CompletableFuture<Frame> first = new CompletableFuture<>();
    CameraSettings small = new CameraSettings(new Resolution(320, 240), 10, 80);
    try (MockSource camera = new MockSource(small)) {
      camera.start(first::complete);
      Frame frame = first.get(10, TimeUnit.SECONDS);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.jpeg()));
      System.out.println("mock frame " + image.getWidth() + "x" + image.getHeight());
    }

    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    SSLContext tls = SSLContext.getDefault();
    try (HttpClient client = HttpClient.newBuilder().sslContext(tls).build()) {
      System.out.println("probe ok: cpus=" + os.getAvailableProcessors()
          + " tls=" + tls.getProtocol() + " http=" + client.version());
    }
  }
}
