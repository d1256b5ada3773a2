package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagementTokenTest {

  @TempDir
  Path dir;

  @Test
  void usesTheConfiguredTokenAndWritesNoFile() {
    ManagementToken t = ManagementToken.resolve(Optional.of("configured-token-123456"), dir);

    assertThat(t.value()).isEqualTo("configured-token-123456");
    assertThat(t.source()).isEqualTo("env");
    assertThat(dir.resolve(ManagementToken.FILE_NAME)).doesNotExist();
  }

  @Test
  void generatesA256BitTokenReadableByTheOwnerOnly() throws Exception {
    ManagementToken t = ManagementToken.resolve(Optional.empty(), dir.resolve("data"));
    Path file = dir.resolve("data").resolve(ManagementToken.FILE_NAME);

    assertThat(t.value()).matches("[A-Za-z0-9_-]{43}");
    assertThat(t.source()).isEqualTo(file.toAbsolutePath().toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file).strip()).isEqualTo(t.value());
  }

  @Test
  void reusesTheStoredTokenOnTheNextStart() {
    String first = ManagementToken.resolve(Optional.empty(), dir).value();
    String second = ManagementToken.resolve(Optional.empty(), dir).value();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void refusesAnEmptyTokenFile() throws Exception {
    Files.writeString(dir.resolve(ManagementToken.FILE_NAME), "\n");

    assertThatThrownBy(() -> ManagementToken.resolve(Optional.empty(), dir))
        .hasMessageContaining(ManagementToken.FILE_NAME).hasMessageContaining("delete it");
  }

  @Test
  void neverShowsTheValueInToString() {
    ManagementToken t = ManagementToken.resolve(Optional.of("configured-token-123456"), dir);

    assertThat(t.toString()).doesNotContain("configured-token");
  }
}
