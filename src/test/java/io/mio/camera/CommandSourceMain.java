package io.mio.camera;

import io.mio.config.Resolution;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a command source in its own JVM for {@link CommandSourceOrphanTest}: prints
 * {@code pid=<camera program pid>} after the first frame, then waits to be killed.
 */
public final class CommandSourceMain {

  private CommandSourceMain() {}

  public static void main(String[] args) throws InterruptedException {
    CommandSource source = new CommandSource(new CameraCommand.Shell(args[0]),
        new CameraSettings(new Resolution(320, 180), 15, 80),
        CommandSource.Supervision.of(Duration.ofSeconds(30), 8 << 20));
    CountDownLatch first = new CountDownLatch(1);
    source.start(frame -> first.countDown());
    first.await();
    System.out.println("pid=" + source.process().orElseThrow().pid());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
