package io.mio.management;

import io.mio.config.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the management API: {@code MIO_MANAGEMENT_AUTH_TOKEN} when set, else a
 * random 256-bit token generated on first start and kept in {@code <data dir>/management-token}
 * (mode 0600 from the moment it exists). The value is never logged; the log says where to read
 * it, once, when it is generated.
 *
 * @param source {@code env}, or the path of the token file
 */
public record ManagementToken(String value, String source) {

  public static final String FILE_NAME = "management-token";
  /** Shorter tokens can be guessed; the generated ones have 43 characters. */
  static final int MIN_LENGTH = 16;
  private static final Logger LOG = LoggerFactory.getLogger(ManagementToken.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The configured token, or the stored one, generating and storing it on first use. */
  public static ManagementToken resolve(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) {
      if (configured.get().length() < MIN_LENGTH) {
        LOG.warn("management token from MIO_MANAGEMENT_AUTH_TOKEN is shorter than {} characters;"
            + " use a long random value, e.g. openssl rand -base64 32", MIN_LENGTH);
      }
      return new ManagementToken(configured.get(), "env");
    }
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    try {
      if (Files.notExists(file) && create(file)) {
        LOG.info("management token generated and stored in {} (mode 0600); read it with: cat {}",
            file, file);
      }
      return new ManagementToken(read(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("management token file " + file + " could not be created or"
          + " read (" + e.getMessage() + "); fix the data directory or set"
          + " MIO_MANAGEMENT_AUTH_TOKEN", e);
    }
  }

  /** Writes a new token beside the file and links it into place; false if another won. */
  private static boolean create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Path temp = file.resolveSibling("." + FILE_NAME + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), AtomicFile.ownerOnly())) {
        out.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
        out.force(true);
      }
      // A hard link never replaces an existing file, unlike a rename: two hubs starting at
      // once end up sharing the first token instead of each holding its own.
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String read(Path file) throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (mode.stream().anyMatch(p -> !p.name().startsWith("OWNER"))) {
      LOG.warn("management token file {} is accessible to other users (mode {}); run chmod 600 {}",
          file, PosixFilePermissions.toString(mode), file);
    }
    String token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.length() < MIN_LENGTH || token.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new IOException("it must hold one token of at least " + MIN_LENGTH + " visible"
          + " characters; delete it to have a new one generated");
    }
    return token;
  }

  @Override
  public String toString() {
    return "ManagementToken[source=" + source + ", value=(set)]";
  }
}
