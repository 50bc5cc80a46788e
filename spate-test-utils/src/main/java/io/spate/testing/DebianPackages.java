package io.spate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a Debian package that a test starts as a real process is installed, by running the
 * project's own {@code .ci/install-test-packages} when the package's binary is missing, so that the
 * README's test command works on a fresh machine. The script installs with apt-get (as root or with
 * sudo) and does nothing when the binaries are there.
 */
public final class DebianPackages {

  /** The script, relative to the repository's root. */
  static final String SCRIPT = ".ci/install-test-packages";

  private static final long INSTALL_TIMEOUT_MINUTES = 10;

  private DebianPackages() {}

  /**
   * Returns {@code binary} once it exists, installing {@code packageName} with the project's script if
   * it does not.
   *
   * @throws IllegalStateException naming the package, the script and its output, if the script is not
   *     found, fails, or leaves the binary missing
   */
  public static synchronized Path ensureInstalled(String packageName, String binary) {
    Path path = Path.of(binary);
    if (Files.isExecutable(path)) {
      return path;
    }
    Path script = findScript(Path.of("").toAbsolutePath());
    Path output;
    try {
      output = Files.createTempFile("install-test-packages", ".log");
      Process process = new ProcessBuilder("bash", script.toString())
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("Installing the Debian package '" + packageName + "' with " + script
            + " took longer than " + INSTALL_TIMEOUT_MINUTES + " minutes; its output: " + Files.readString(output));
      }
      String log = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0 || !Files.isExecutable(path)) {
        throw new IllegalStateException("The Debian package '" + packageName + "' (" + binary + ") is missing and "
            + script + " did not install it (exit code " + process.exitValue() + "). Install it with apt-get, or run"
            + " the script as root. Its output:\n" + log);
      }
      Files.deleteIfExists(output);
      return path;
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + script + " to install '" + packageName + "': " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while installing '" + packageName + "'", e);
    }
  }

  /** {@link #SCRIPT} in {@code start} or the nearest directory above it that has one. */
  static Path findScript(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path script = dir.resolve(SCRIPT);
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    throw new IllegalStateException("No " + SCRIPT + " in " + start + " or a directory above it: run the tests"
        + " from the Spate repository.");
  }
}
