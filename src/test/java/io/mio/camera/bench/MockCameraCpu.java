package io.mio.camera.bench;

import io.mio.camera.CameraSettings;
import io.mio.camera.MockSource;
import io.mio.config.Resolution;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures what the mock camera costs: CPU time of its producing thread (and of the whole JVM,
 * which adds GC and JIT) over a window, as a percentage of one core. Not a test: run it with
 *
 * <pre>
 * java -cp target/test-classes:target/mio.jar io.mio.camera.bench.MockCameraCpu [WxH] [fps] [s]
 * </pre>
 */
public final class MockCameraCpu {

  private MockCameraCpu() {}

  public static void main(String[] args) {
    Resolution resolution = Resolution.parse(args.length > 0 ? args[0] : "1280x720");
    int fps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    long seconds = args.length > 2 ? Long.parseLong(args[2]) : 10;
    AtomicLong frames = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    MockSource source = new MockSource(new CameraSettings(resolution, fps, 80));
    source.start(frame -> {
      frames.incrementAndGet();
      bytes.addAndGet(frame.jpeg().length);
    });
    pause(3_000); // warm-up: JIT, pre-encoding
    Thread producer = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("camera-mock")).findFirst().orElseThrow();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();

    long thread0 = threads.getThreadCpuTime(producer.threadId());
    long process0 = os.getProcessCpuTime();
    long frames0 = frames.get();
    long bytes0 = bytes.get();
    long wall0 = System.nanoTime();
    pause(seconds * 1000);
    double wall = System.nanoTime() - wall0;
    double threadPct = 100.0 * (threads.getThreadCpuTime(producer.threadId()) - thread0) / wall;
    double processPct = 100.0 * (os.getProcessCpuTime() - process0) / wall;
    long n = frames.get() - frames0;
    source.close();

    System.out.printf("mock %s@%d over %.1f s: %d frames (%.1f fps), avg %d bytes%n",
        resolution, fps, wall / 1e9, n, n / (wall / 1e9), (bytes.get() - bytes0) / Math.max(1, n));
    System.out.printf("producer thread CPU: %.2f%% of one core; whole JVM: %.2f%%%n",
        threadPct, processPct);
  }

  private static void pause(long millis) {
    long until = System.nanoTime() + millis * 1_000_000;
    for (long left; (left = until - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(left);
    }
  }
}
