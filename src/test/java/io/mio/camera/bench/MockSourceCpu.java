package io.mio.camera.bench;

import io.mio.camera.CameraSettings;
import io.mio.camera.MockSource;
import io.mio.config.Resolution;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the mock camera's CPU cost: process CPU time over a window while it produces frames
 * at 1280x720@30. Usage: {@code java -cp target/test-classes:target/mio.jar
 * io.mio.camera.bench.MockSourceCpu [seconds]}. Recorded in docs/PERFORMANCE.md.
 */
public final class MockSourceCpu {

  private MockSourceCpu() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean();
    AtomicLong frames = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    try (MockSource source = new MockSource(
        new CameraSettings(new Resolution(1280, 720), 30, 80))) {
      source.start(f -> {
        frames.incrementAndGet();
        bytes.addAndGet(f.jpeg().length);
      });
      Thread.sleep(5000); // warm-up: JIT and the first clock encodes, not synchronisation
      long cpu0 = os.getProcessCpuTime();
      long f0 = frames.get();
      long b0 = bytes.get();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long cpu = os.getProcessCpuTime() - cpu0;
      long wall = System.nanoTime() - t0;
      long n = frames.get() - f0;
      System.out.printf("mock 1280x720@30: %.1f fps, %.1f%% of one core, %d bytes/frame%n",
          n * 1e9 / wall, cpu * 100.0 / wall, n == 0 ? 0 : (bytes.get() - b0) / n);
    }
  }
}
