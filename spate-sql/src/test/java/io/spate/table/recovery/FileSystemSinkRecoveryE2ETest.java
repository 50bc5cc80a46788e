package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filesystem table's sink is exactly once: a job that fails once after a completed checkpoint and
 * restores it leaves committed files whose lines are, as a multiset, those of a failure-free run, in
 * the same partition directories; no in-progress file is visible to a reader.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FileSystemSinkRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @TempDir
  Path directory;

  @Test
  void aRunRestoredFromACheckpointCommitsTheLinesOfAFailureFreeRun() throws Exception {
    Path clean = directory.resolve("clean");
    Path faulty = directory.resolve("faulty");
    run("fs-clean", false, clean);
    ClusterJobClient client = run("fs-faulty", true, faulty);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), RecoveryTestConnectors.checkpointBeforeFailure("fs-faulty"));
    List<String> expected = committedLines(clean);
    assertThat(expected).hasSize((int) ROWS);
    assertThat(committedLines(faulty)).isEqualTo(expected);
  }

  private static ClusterJobClient run(String run, boolean fail, Path path) throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set("execution.checkpointing.interval", "100 ms");
    tEnv.getConfig().set("restart-strategy.type", "fixed-delay");
    tEnv.getConfig().set("restart-strategy.fixed-delay.attempts", "3");
    tEnv.getConfig().set("restart-strategy.fixed-delay.delay", "50 ms");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE files (n BIGINT, label STRING, bucket INT) PARTITIONED BY (bucket) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + path + "', 'format' = 'csv',"
        + " 'sink.rolling-policy.file-size' = '4kb')");
    TableResult result = tEnv.executeSql("INSERT INTO files SELECT n, 'row ' || CAST(n AS STRING), CAST(n % 3 AS INT)"
        + " FROM numbers");
    result.await(200, TimeUnit.SECONDS);
    return (ClusterJobClient) result.getJobClient().orElseThrow();
  }

  /** Every line of every visible file below {@code root}, prefixed with the file's directory, sorted. */
  private static List<String> committedLines(Path root) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      // Hidden files are in-progress parts, which readers skip; a failed attempt can leave one behind.
      files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith(".")).forEach(file -> {
        Path relative = root.relativize(file);
        String partition = relative.getParent() == null ? "" : relative.getParent().toString();
        try {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(partition + " " + line);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    lines.sort(null);
    return lines;
  }
}
