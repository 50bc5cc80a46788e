package io.spate.connectors.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecoveryAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job reading files that are still being written, through the source reader base, with a failure
 * after completed checkpoints, emits the same keyed sums as a run without failure: the restored
 * split positions were those of the records emitted before the checkpoint, so nothing is read twice
 * and nothing is skipped.
 */
class SourceReaderBaseRecoveryE2ETest {

  private static final int FILES = 4;
  private static final long RECORDS = KeyedSumsJob.RECORDS;
  private static final int CHUNK = 200;

  @TempDir
  Path dir;

  /** Appends the numbers 0 to RECORDS - 1, number i to file i % FILES, a chunk every few ms, then END. */
  private static Thread writer(List<Path> files) {
    Thread thread = new Thread(() -> {
      try {
        for (long start = 0; start < RECORDS; start += CHUNK) {
          List<List<String>> lines = new ArrayList<>();
          for (int f = 0; f < FILES; f++) {
            lines.add(new ArrayList<>());
          }
          for (long i = start; i < Math.min(RECORDS, start + CHUNK); i++) {
            lines.get((int) (i % FILES)).add(Long.toString(i));
          }
          for (int f = 0; f < FILES; f++) {
            Files.write(files.get(f), lines.get(f), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
          }
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(15));
        }
        for (Path file : files) {
          Files.write(file, List.of("END"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "test-file-writer");
    thread.setDaemon(true);
    return thread;
  }

  private ClusterJobClient run(String runId, boolean fail) throws Exception {
    Path runDir = Files.createDirectory(dir.resolve(runId));
    List<Path> files = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      files.add(Files.createFile(runDir.resolve("part-" + f)));
    }
    Thread writer = writer(files);
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    LineFilesSource source = new LineFilesSource(
        files.stream().map(Path::toString).toList(), SourceReaderOptions.DEFAULTS.withHandoverQueueCapacity(2), 64);
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "files").uid("files")
        .map(Long::parseLong).returns(Types.LONG).uid("parse")
        .map(new KeyedSumsJob.FailAfterCheckpoint(runId, fail)).uid("fail")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x))
        .keyBy(x -> x % KeyedSumsJob.KEYS)
        .process(new KeyedSumsJob.SumAtEnd()).uid("sums")
        .sinkTo(new KeyedSumsJob.ResultSink(runId)).uid("results");
    writer.start();
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(writer.isAlive()).isFalse();
    return (ClusterJobClient) client;
  }

  @Test
  void aRestoredJobReadsOnFromTheCheckpointedPositionsExactlyOnce() throws Exception {
    run("base-clean", false);
    ClusterJobClient faulty = run("base-faulty", true);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), KeyedSumsJob.checkpointBeforeFailure("base-faulty"));
    List<String> clean = KeyedSumsJob.results("base-clean");
    assertThat(clean).isEqualTo(KeyedSumsJob.expectedSums());
    assertThat(KeyedSumsJob.results("base-faulty")).isEqualTo(clean);
  }
}
