package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.cli.SpateCliTest.Result;
import io.spate.clitest.FailingMapJob;
import io.spate.examples.ExampleArgs;
import io.spate.examples.ExampleProgram;
import io.spate.examples.UsageException;
import io.spate.examples.WordCount;
import io.spate.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs jobs through the CLI on the embedded local cluster. */
class EmbeddedClusterTest {

  @TempDir
  Path dir;

  @Test
  void runExecutesAJobJarWithItsOwnClassLoader() throws Exception {
    Path jar = TestJars.jar(dir.resolve("wordcount.jar"), WordCount.class.getName(),
        WordCount.class, WordCount.Tokenizer.class, WordCount.WordWithCount.class,
        ExampleArgs.class, ExampleProgram.class, UsageException.class);
    Path input = Files.writeString(dir.resolve("in.txt"), "Spate spate SPATE, flows.\nIt flows!\n");
    Path output = dir.resolve("out.csv");

    Result result = SpateCliTest.spate("run", jar.toString(), "--parallelism", "2",
        "--input", input.toString(), "--output", output.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readAllLines(output)).containsExactlyInAnyOrder("spate,3", "flows,2", "it,1");
  }

  @Test
  void exampleRunsABundledExample() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "to be or not to be\n");
    Path output = dir.resolve("out.csv");

    Result result = SpateCliTest.spate("example", "wordcount", "--input", input.toString(),
        "--output", output.toString(), "--mode", "streaming");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(6).contains("to,2", "be,2", "or,1", "not,1");
  }

  @Test
  void demoEndsAfterMaxEvents() {
    Result result = SpateCliTest.spate("demo", "--max-events", "50", "--rate", "0", "--parallelism", "1");
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void aFailingJobNamesTheRootCause() throws Exception {
    Path jar = TestJars.jar(dir.resolve("failing.jar"), FailingMapJob.class.getName(), FailingMapJob.class);

    Result result = SpateCliTest.spate("run", jar.toString(), "--parallelism", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    List<String> lines = result.err().lines().filter(line -> !line.startsWith("Job '")).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("Error: ").contains("Failing job");
    assertThat(lines.get(1)).startsWith("Root cause: java.lang.IllegalStateException: bad record 5 (at ");
  }
}
