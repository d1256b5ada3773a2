package io.mio.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The stable id a webcam announces itself with: random on first start, then read back from the
 * data directory, so it survives restarts and image upgrades but never leaks a MAC address.
 */
public final class NodeIdentity {

  static final String FILE_NAME = "node-id";
  private static final String PATTERN = "node-[0-9a-f]{12}";

  private NodeIdentity() {}

  /** Reads the persisted id, creating it atomically when missing or unreadable as an id. */
  public static String loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (id.matches(PATTERN)) {
        return id;
      }
      throw new IOException(file + " does not hold a node id (expected " + PATTERN
          + "); delete it to let the node create a new one");
    }
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String id = "node-" + HexFormat.of().formatHex(random);
    Files.createDirectories(dataDir);
    Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
    Files.writeString(tmp, id + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return id;
  }
}
