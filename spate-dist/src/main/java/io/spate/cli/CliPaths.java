package io.spate.cli;

import java.nio.file.Path;

/** Paths given on the command line, made absolute before they go to a cluster with another working directory. */
final class CliPaths {

  private CliPaths() {}

  /** {@code path} made absolute against this process's working directory, a URI unchanged, null for null. */
  static String absolute(String path) {
    if (path == null || path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return path;
    }
    return Path.of(path).toAbsolutePath().normalize().toString();
  }
}
