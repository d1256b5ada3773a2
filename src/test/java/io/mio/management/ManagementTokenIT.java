package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub started without MIO_MANAGEMENT_AUTH_TOKEN makes its own, stores it 0600, logs its path. */
class ManagementTokenIT {

  @TempDir
  Path data;

  @Test
  void generatesAnOwnerOnlyTokenFileAndLogsWhereNotWhat() throws Exception {
    Path file = data.resolve("management-token");
    String token;
    try (MioProcess hub = MioProcess.management().env("MIO_DATA_DIR", data.toString()).start()) {
      token = Files.readString(file).strip();

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(token).hasSize(43);
      assertThat(hub.logText()).contains(file.toString()).doesNotContain(token);
      assertThat(hub.log().stream().filter(l -> l.contains("generated")).count()).isEqualTo(1);
      assertThat(new HubClient(hub.baseUrl(), token).get("/api/v1/nodes").statusCode())
          .isEqualTo(200);
      assertThat(new HubClient(hub.baseUrl(), "x" + token).get("/api/v1/nodes").statusCode())
          .isEqualTo(401);
    }

    try (MioProcess again = MioProcess.management().env("MIO_DATA_DIR", data.toString())
        .start()) {
      assertThat(Files.readString(file).strip()).isEqualTo(token);
      assertThat(again.logText()).doesNotContain("generated").contains("token=" + file)
          .doesNotContain(token);
      assertThat(new HubClient(again.baseUrl(), token).get("/api/v1/nodes").statusCode())
          .isEqualTo(200);
    }
  }
}
