package io.spate.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.fs.Path;
import io.spate.api.functions.MapFunction;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.state.CheckpointListener;
import io.spate.api.typeinfo.Types;
import io.spate.api.datastream.CloseableIterator;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.StreamFormat;
import io.spate.formats.avro.AvroReaders;
import io.spate.formats.avro.AvroTestRecords;
import io.spate.formats.avro.AvroTypeInfo;
import io.spate.formats.avro.AvroWriters;
import io.spate.formats.avro.generated.AvroTrade;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpointed jobs on the embedded cluster write Avro records with FileSink as Parquet and as Avro
 * container files (one finished part per subtask and checkpoint), and jobs with FileSource read them
 * back, record for record; a job that fails once after a checkpoint writes exactly the records of one
 * that does not.
 */
class BulkFormatFileJobE2ETest {

  private static final long RECORDS = 3_000;
  private static final long FAILING_RECORD = 2_000;

  private static volatile boolean failOnce;
  private static final AtomicBoolean FAILED = new AtomicBoolean();
  private static final AtomicLong CHECKPOINT_BEFORE_FAILURE = new AtomicLong();

  @TempDir java.nio.file.Path dir;

  static AvroTrade trade(long i) {
    return AvroTestRecords.trade("S" + (i % 17), (int) i, i * 0.25, i % 5 == 0 ? null : "V" + (i % 3),
        List.of("t" + (i % 4)));
  }

  /** Turns a number into a trade; throws once when {@link #failOnce} says so, after a checkpoint completed. */
  static final class ToTrade implements MapFunction<Long, AvroTrade>, CheckpointListener {
    @Override
    public AvroTrade map(Long i) {
      if (failOnce && i >= FAILING_RECORD && CHECKPOINT_BEFORE_FAILURE.get() > 0 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure at record " + i);
      }
      return trade(i);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (!FAILED.get()) {
        CHECKPOINT_BEFORE_FAILURE.accumulateAndGet(checkpointId, Math::max);
      }
    }
  }

  private static ClusterJobClient write(java.nio.file.Path out, BulkWriter.Factory<AvroTrade> format) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(6_000), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers")
        .map(new ToTrade()).returns(new AvroTypeInfo<>(AvroTrade.class))
        .sinkTo(FileSink.forBulkFormat(new Path(out.toString()), format).build());
    JobClient client = env.executeAsync("write trades");
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  private static List<AvroTrade> read(java.nio.file.Path in, StreamFormat<AvroTrade> format) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<AvroTrade> trades = new ArrayList<>();
    try (CloseableIterator<AvroTrade> records = env.fromSource(
        FileSource.forRecordStreamFormat(format, new Path(in.toString())).build(),
        WatermarkStrategy.noWatermarks(), "trades").executeAndCollect("read trades")) {
      records.forEachRemaining(trades::add);
    }
    trades.sort(Comparator.comparing(AvroTrade::getQuantity));
    return trades;
  }

  private static List<AvroTrade> expected() {
    return LongStream.range(0, RECORDS).mapToObj(BulkFormatFileJobE2ETest::trade).toList();
  }

  private static long finishedParts(java.nio.file.Path out) throws Exception {
    try (Stream<java.nio.file.Path> files = Files.list(out)) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }

  @Test
  void parquetAndAvroFilesWrittenByACheckpointedJobReadBackExactly() throws Exception {
    failOnce = false;
    java.nio.file.Path parquet = dir.resolve("parquet");
    java.nio.file.Path avro = dir.resolve("avro");
    write(parquet, AvroParquetWriters.forSpecificRecord(AvroTrade.class));
    write(avro, AvroWriters.forSpecificRecord(AvroTrade.class).withCodec("deflate"));
    assertThat(finishedParts(parquet)).as("parts rolled at checkpoints").isGreaterThan(2);
    assertThat(read(parquet, AvroParquetReaders.forSpecificRecord(AvroTrade.class))).isEqualTo(expected());
    assertThat(read(avro, AvroReaders.forSpecificRecord(AvroTrade.class))).isEqualTo(expected());
  }

  @Test
  void aJobThatFailsOnceWritesExactlyTheParquetRecordsOfAFailureFreeRun() throws Exception {
    java.nio.file.Path out = dir.resolve("failing");
    FAILED.set(false);
    CHECKPOINT_BEFORE_FAILURE.set(0);
    failOnce = true;
    ClusterJobClient client;
    try {
      client = write(out, AvroParquetWriters.forSpecificRecord(AvroTrade.class));
    } finally {
      failOnce = false;
    }
    assertThat(FAILED).isTrue();
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), CHECKPOINT_BEFORE_FAILURE.get());
    assertThat(read(out, AvroParquetReaders.forSpecificRecord(AvroTrade.class))).isEqualTo(expected());
  }
}
