package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports' Versions line names the commit the benchmark was built from, wherever it runs. */
class SpateVersionTest {

  @TempDir
  Path otherTree;

  /** Prints {@link BenchmarkReport#spateVersion()}, for a JVM started in another directory. */
  public static final class PrintVersion {
    public static void main(String[] args) {
      System.out.println(BenchmarkReport.spateVersion());
    }
  }

  @Test
  void aBenchmarkRunInAnotherGitTreeNamesTheCommitItWasBuiltFrom() throws Exception {
    Path moduleDir = Path.of("").toAbsolutePath();
    String built = run(moduleDir, "git", "rev-parse", "--short=8", "HEAD");
    Assumptions.assumeTrue(built.matches("[0-9a-f]{8}"), "spate-bench is built in a git tree: " + built);
    run(otherTree, "git", "init", "-q");
    run(otherTree, "git", "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-q", "--allow-empty",
        "-m", "another tree");
    String other = run(otherTree, "git", "rev-parse", "--short=8", "HEAD");

    String version = run(otherTree, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PrintVersion.class.getName());

    assertThat(version).contains("(commit " + built).doesNotContain(other);
  }

  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as("exit code of %s: %s", String.join(" ", command), out).isZero();
    return out;
  }
}
