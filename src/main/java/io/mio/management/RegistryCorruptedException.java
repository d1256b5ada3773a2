package io.mio.management;

import io.mio.http.ApiException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The registry file exists but cannot be read or understood. The hub never overwrites such a
 * file (a person may still recover nodes from it), so every read and write of the registry
 * answers this 500 until someone repairs or moves the file.
 */
public final class RegistryCorruptedException extends ApiException {

  RegistryCorruptedException(Path file, String problem) {
    super(500, "REGISTRY_CORRUPTED", "the node registry file " + file + " cannot be used: "
        + problem + ". The hub left it untouched; fix the file, or move it away to start with"
        + " an empty registry, then retry", Map.of("path", file.toString(), "problem", problem));
  }
}
