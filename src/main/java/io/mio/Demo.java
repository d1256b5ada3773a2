package io.mio;

import io.mio.config.ConfigReader;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** {@code mio demo}: a hub and two mock webcams on loopback. (Skeleton until the hub lands.) */
final class Demo {

  private Demo() {}

  static int run(ConfigReader r, PrintWriter out, Consumer<AutoCloseable> awaitStop) {
    out.println("demo is not available yet; run 'mio webcam --camera mock' instead");
    return 1;
  }
}
