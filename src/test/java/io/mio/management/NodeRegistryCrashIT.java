package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.MioProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a registry writer process with SIGKILL in the middle of its writes, 50 times: the file
 * must parse every time, because a write is complete before the atomic rename makes it visible.
 */
class NodeRegistryCrashIT {

  private static final int KILLS = 50;
  /** About one write cycle of the writer here (7 ms), so kills land anywhere in a write. */
  private static final int WRITE_CYCLE_MICROS = 8_000;

  @TempDir
  Path dir;

  @Test
  void aWriterKilledMidWriteAlwaysLeavesAParseableFile() throws Exception {
    Path file = dir.resolve("nodes.json");
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    int lastCount = 0;
    int midWrite = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      killWriterAfter(file, 1 + random.nextInt(30), random.nextInt(WRITE_CYCLE_MICROS));

      List<Node> nodes = new NodeRegistry(file).list();
      assertThat(nodes).as("kill %d (seed %d)", kill, seed).isNotEmpty()
          .hasSizeGreaterThanOrEqualTo(lastCount);
      lastCount = nodes.size();
      midWrite += temporaryFiles() > 0 ? 1 : 0;
    }

    System.out.println("kills that left a half-done write behind: " + midWrite + " of " + KILLS);
    new NodeRegistry(file).edit(nodes -> nodes.removeIf(n -> n.id().equals("cam-1")));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("nodes.json", "nodes.json.lock");
    }
  }

  /** Starts a writer and SIGKILLs it a little after it starts its n-th write. */
  private static void killWriterAfter(Path file, int writes, int delayMicros) throws Exception {
    Process writer = new ProcessBuilder(MioProcess.javaBinary(), "-Xmx64m",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath(),
        RegistryWriter.class.getName(), file.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("writing " + writes)) {
        assertThat(line).startsWith("writing ");
      }
      assertThat(line).as("writer output ended early").isNotNull();
      // Fault injection, not synchronisation: spreads the kill over encode, write, fsync, rename.
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(delayMicros));
      writer.destroyForcibly();
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private long temporaryFiles() throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".tmp")).count();
    }
  }

  private static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
