package io.mio.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

  @TempDir
  Path dir;

  @Test
  void createsARandomIdOnceAndReadsItBack() throws IOException {
    String first = NodeIdentity.loadOrCreate(dir);
    String again = NodeIdentity.loadOrCreate(dir);

    assertThat(first).matches("node-[0-9a-f]{12}").isEqualTo(again);
  }

  @Test
  void differentDataDirectoriesGetDifferentIds() throws IOException {
    assertThat(NodeIdentity.loadOrCreate(dir.resolve("a")))
        .isNotEqualTo(NodeIdentity.loadOrCreate(dir.resolve("b")));
  }

  @Test
  void refusesAFileThatIsNotAnIdInsteadOfReplacingIt() throws IOException {
    Files.writeString(dir.resolve("node-id"), "garbage");

    assertThatThrownBy(() -> NodeIdentity.loadOrCreate(dir)).hasMessageContaining("delete it");
    assertThat(Files.readString(dir.resolve("node-id"))).isEqualTo("garbage");
  }
}
