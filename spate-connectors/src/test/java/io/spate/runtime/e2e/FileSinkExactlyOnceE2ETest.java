package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.MapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.RowEncoder;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed job that fails once, after a checkpoint completed, restarts from that checkpoint and
 * writes the same finished files, record for record (none twice), as one that does not fail.
 */
class FileSinkExactlyOnceE2ETest {

  private static final long RECORDS = 4_000;
  private static final long FAILING_RECORD = 3_000;

  /** Where the job fails once: nowhere, at a record, or in a checkpoint's completion before the sink hears of it. */
  enum Failure { NONE, AT_RECORD, BEFORE_SINK_COMMITS }

  private static volatile Failure failure = Failure.NONE;
  private static final AtomicBoolean FAILED = new AtomicBoolean();
  // The newest checkpoint the job heard had completed before it failed.
  private static final AtomicLong CHECKPOINT_BEFORE_FAILURE = new AtomicLong();

  /** Throws once where {@link #failure} says, and only after a checkpoint completed. */
  static final class FailOnce implements MapFunction<Long, Long>, CheckpointListener {
    @Override
    public Long map(Long value) {
      if (value >= FAILING_RECORD && failure == Failure.AT_RECORD && CHECKPOINT_BEFORE_FAILURE.get() > 0
          && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure at record " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      // The map precedes the sink in the chain: throwing here keeps the completion from the sink,
      // whose committables of this completed checkpoint are then committed by the restore.
      if (!FAILED.get()) {
        CHECKPOINT_BEFORE_FAILURE.accumulateAndGet(checkpointId, Math::max);
      }
      if (checkpointId >= 3 && failure == Failure.BEFORE_SINK_COMMITS && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure on completion of checkpoint " + checkpointId);
      }
    }
  }

  /** Runs the job into {@code out} to its end; its client, to ask about the ended job. */
  private static ClusterJobClient run(Path out) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    // Rate-limited so that checkpoints complete while the job runs.
    env.fromSource(new DataGeneratorSource<>(index -> index, RECORDS, RateLimiterStrategy.perSecond(5_000), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers")
        .map(new FailOnce())
        .sinkTo(FileSink.forRows(out, RowEncoder.<Long>toStringEncoder()).build());
    JobClient client = env.executeAsync("file sink exactly once");
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  private static List<Long> finishedRecords(Path dir) throws IOException {
    List<Long> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        for (String line : Files.readAllLines(file)) {
          records.add(Long.parseLong(line));
        }
      }
    }
    records.sort(null);
    return records;
  }

  private static List<Long> cleanRun(Path dir) throws Exception {
    Path clean = dir.resolve("clean");
    failure = Failure.NONE;
    run(clean);
    List<Long> records = finishedRecords(clean);
    assertThat(records).isEqualTo(LongStream.range(0, RECORDS).boxed().toList());
    return records;
  }

  private static List<Long> runFailingOnce(Path dir, Failure where) throws Exception {
    Path failing = dir.resolve("failing");
    FAILED.set(false);
    CHECKPOINT_BEFORE_FAILURE.set(0);
    failure = where;
    ClusterJobClient client;
    try {
      client = run(failing);
    } finally {
      failure = Failure.NONE;
    }
    assertThat(FAILED).isTrue();
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), CHECKPOINT_BEFORE_FAILURE.get());
    return finishedRecords(failing);
  }

  @Test
  void aFailureAtARecordLeavesEveryRecordInTheFinishedFilesExactlyOnce(@TempDir Path dir) throws Exception {
    assertThat(runFailingOnce(dir, Failure.AT_RECORD)).isEqualTo(cleanRun(dir));
  }

  @Test
  void aCompletedCheckpointWhoseSinkFailedBeforeCommittingIsCommittedByTheRestore(@TempDir Path dir)
      throws Exception {
    assertThat(runFailingOnce(dir, Failure.BEFORE_SINK_COMMITS)).isEqualTo(cleanRun(dir));
  }
}
