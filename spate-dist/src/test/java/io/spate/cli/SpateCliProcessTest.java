package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI as its own JVM, as ./spate does, to check the exit codes the shell sees. */
class SpateCliProcessTest {

  record Outcome(int exitCode, String out, String err) {}

  @TempDir
  static Path dir;

  static Outcome spate(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        SpateCli.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("spate " + String.join(" ", args) + " did not end within 60 s");
    }
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void wrongArgumentsExitWithTwo() throws Exception {
    Outcome outcome = spate("run", "--parallelism");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("Usage: spate run");
  }

  @Test
  void wrongExampleArgumentsExitWithTwo() throws Exception {
    Outcome outcome = spate("example", "demo", "--auctions", "0");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("Option '--auctions' must be at least 1, but was 0.");
  }

  @Test
  void versionExitsWithZero() throws Exception {
    Outcome outcome = spate("--version");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).startsWith("spate ");
  }

  @Test
  void exampleListReachesStandardOutput() throws Exception {
    Outcome outcome = spate("example", "--list");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).startsWith("Examples:").contains("wordcount", "demo");
  }
}
