package io.mio.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera program must die with the JVM, even when the JVM is killed with SIGKILL and has no
 * chance to clean up: a program still writing frames gets EPIPE, and a silent one gets its
 * parent-death signal.
 */
class CommandSourceOrphanTest {

  @TempDir
  Path dir;

  @Test
  void ffmpegDiesWhenTheJvmIsKilled() throws Exception {
    assertCameraDiesWithJvm(CommandSourceTest.FFMPEG);
  }

  @Test
  void aSilentProgramDiesWhenTheJvmIsKilled() throws Exception {
    Path jpeg = Files.write(dir.resolve("frame.jpg"), TestJpegs.encode(32, 32, 1));
    assertCameraDiesWithJvm("cat " + jpeg + "; exec sleep 1000");
  }

  private static void assertCameraDiesWithJvm(String command) throws Exception {
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        CommandSourceMain.class.getName(), command)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      long pid = readCameraPid(jvm);
      ProcessHandle camera = ProcessHandle.of(pid).orElseThrow();
      assertThat(camera.parent().map(ProcessHandle::pid)).contains(jvm.pid());
      List<ProcessHandle> tree = jvm.descendants().toList();

      jvm.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> !camera.isAlive());
      await().atMost(Duration.ofSeconds(10)).until(() -> tree.stream().noneMatch(
          ProcessHandle::isAlive));
    } finally {
      jvm.destroyForcibly();
    }
  }

  private static long readCameraPid(Process jvm) throws IOException {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("pid=")) {
        return Long.parseLong(line.substring(4));
      }
    }
    throw new IllegalStateException("the JVM under test ended before its camera started");
  }
}
