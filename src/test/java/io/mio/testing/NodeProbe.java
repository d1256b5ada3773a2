package io.mio.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads a running node's metrics and its process's memory, for integration tests. */
public final class NodeProbe {

  private NodeProbe() {}

  /**
   * The value of one series from {@code /metrics}, named exactly as in the text format
   * (with labels if any, e.g. {@code jvm_memory_used_bytes{area="heap"}}).
   */
  public static double metric(MioProcess node, String series) throws IOException,
      InterruptedException {
    for (String line : node.get("/metrics").body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError("no metric " + series);
  }

  /** Runs a full GC in the node's JVM and returns the heap in use afterwards, in bytes. */
  public static long heapAfterGc(MioProcess node) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(node.pid()), "GC.run")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!gc.waitFor(30, TimeUnit.SECONDS)) {
      gc.destroyForcibly();
      throw new AssertionError("jcmd GC.run did not finish");
    }
    return (long) metric(node, "jvm_memory_used_bytes{area=\"heap\"}");
  }

  /** Resident set size of the node's process, in bytes (Linux). */
  public static long rssBytes(MioProcess node) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(node.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new AssertionError("no VmRSS for process " + node.pid());
  }
}
