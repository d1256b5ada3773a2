package io.mio.management;

import io.mio.config.AtomicFile;
import io.mio.http.ApiException;
import io.mio.management.RegistryCodec.RegistryFormatException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The node registry, kept in one JSON file ({@link RegistryCodec}). Reads parse the file every
 * time, so a repaired file takes effect without a restart. A missing file is an empty registry;
 * a file that cannot be read or parsed is never overwritten ({@link RegistryCorruptedException}).
 *
 * <p>Writes are read-modify-write under two locks: a {@link ReentrantLock} shared by every
 * registry of the same path in this JVM (Java file locks cannot serialise threads of one
 * process), then an exclusive lock on {@code <file>.lock} against other processes. The new
 * content is written by {@link AtomicFile} (temporary file, fsync, atomic rename, fsync of the
 * directory), so a crash at any moment leaves either the old or the new file, both complete.
 */
public final class NodeRegistry {

  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private static final Set<OpenOption> LOCK_OPEN =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);

  private final Path file;
  private final Path lockFile;
  private final ReentrantLock lock;
  /** Whether temporary files of killed writers were removed; guarded by {@link #lock}. */
  private boolean swept;

  public NodeRegistry(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.lock = LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
  }

  /** One change to the node list, applied to a mutable copy; throw to abort without writing. */
  @FunctionalInterface
  public interface Change<T> {
    T apply(List<Node> nodes);
  }

  public Path file() {
    return file;
  }

  /** Every node, in file order. */
  public List<Node> list() {
    return read();
  }

  public Optional<Node> find(String id) {
    return read().stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /**
   * Applies a change under both locks and writes the result if it differs. The change sees the
   * file's current content, not a cached copy, so concurrent writers lose nothing.
   */
  public <T> T update(Change<T> change) {
    lock.lock();
    try (FileChannel channel = openLockFile(); FileLock ignored = channel.lock()) {
      if (!swept) {
        sweepTemporaryFiles();
        swept = true;
      }
      List<Node> current = read();
      List<Node> next = new ArrayList<>(current);
      T result = change.apply(next);
      if (!next.equals(current)) {
        AtomicFile.write(file, RegistryCodec.encode(next), true);
      }
      return result;
    } catch (IOException e) {
      throw new ApiException(500, "REGISTRY_WRITE_FAILED", "the node registry file " + file
          + " could not be written (" + e + "); nothing was changed. Check free space and"
          + " permissions of " + file.getParent() + ", then retry",
          Map.of("path", file.toString()));
    } finally {
      lock.unlock();
    }
  }

  /** {@link #update} for a change that returns nothing. */
  public void edit(Consumer<List<Node>> change) {
    update(nodes -> {
      change.accept(nodes);
      return null;
    });
  }

  private List<Node> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new RegistryCorruptedException(file, "it cannot be read (" + e + ")");
    }
    try {
      return RegistryCodec.decode(bytes);
    } catch (RegistryFormatException e) {
      throw new RegistryCorruptedException(file, e.getMessage());
    }
  }

  /**
   * Removes temporary files ({@link AtomicFile}'s naming) a writer left when it was killed
   * between create and rename. Only safe under the file lock: then no other writer is between
   * those two steps.
   */
  private void sweepTemporaryFiles() throws IOException {
    String prefix = "." + file.getFileName() + ".";
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(),
        p -> p.getFileName().toString().startsWith(prefix)
            && p.getFileName().toString().endsWith(".tmp"))) {
      for (Path p : leftovers) {
        Files.deleteIfExists(p);
      }
    }
  }

  private FileChannel openLockFile() throws IOException {
    Files.createDirectories(file.getParent());
    return FileChannel.open(lockFile, LOCK_OPEN, AtomicFile.ownerOnly());
  }
}
