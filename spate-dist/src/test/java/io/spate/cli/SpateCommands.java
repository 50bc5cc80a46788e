package io.spate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code spate} commands as a user does, each in a JVM of its own, for the process tests. */
final class SpateCommands {

  private SpateCommands() {}

  /** What a command printed and how it exited. */
  record Outcome(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /**
   * Runs {@code spate <args>} with {@code home} as Spate's directory and working directory; fails the
   * test if it does not end within {@code timeoutSeconds}.
   */
  static Outcome run(Path home, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    return run(home, timeoutSeconds, java.util.Map.of(), args);
  }

  /** Like {@link #run(Path, long, String...)}, with {@code environment} added to the command's. */
  static Outcome run(Path home, long timeoutSeconds, java.util.Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    return runWithClassPath(home, timeoutSeconds, environment, System.getProperty("java.class.path"), args);
  }

  /**
   * Like {@link #run(Path, long, java.util.Map, String...)}, on class path {@code classPath} instead of the
   * test's: the processes the command starts (a cluster's) get the same, so a test can leave libraries out.
   */
  static Outcome runWithClassPath(Path home, long timeoutSeconds, java.util.Map<String, String> environment,
      String classPath, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath,
        SpateCli.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("SPATE_HOME", home.toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("spate " + String.join(" ", args) + " did not end within " + timeoutSeconds + " s");
    }
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
