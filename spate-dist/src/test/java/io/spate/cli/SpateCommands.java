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

  /**
   * The JVM options of every command's JVM and, through {@code SPATE_JAVA_OPTS}, of the cluster
   * processes it starts: these JVMs run for seconds and handle little data, and on a machine whose
   * cores the test forks share, C2 compilation and the parallel collector's threads cost them more
   * CPU than they give back (a {@code spate --version} takes about half the CPU time with these).
   */
  static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private SpateCommands() {}

  /**
   * {@code environment} with {@link #JVM_OPTIONS} put before its own {@code SPATE_JAVA_OPTS}, if any,
   * so that a test's options (a heap bound) still come last and win.
   */
  private static java.util.Map<String, String> withJvmOptions(java.util.Map<String, String> environment) {
    java.util.Map<String, String> merged = new java.util.HashMap<>(environment);
    String own = environment.getOrDefault("SPATE_JAVA_OPTS", System.getenv().getOrDefault("SPATE_JAVA_OPTS", ""));
    merged.put("SPATE_JAVA_OPTS", (String.join(" ", JVM_OPTIONS) + " " + own).strip());
    return merged;
  }

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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classPath, SpateCli.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("SPATE_HOME", home.toString());
    builder.environment().putAll(withJvmOptions(environment));
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
