package io.spate.connectors.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A keyed sum over a Kafka topic that is still being written, with a failure injected after
 * checkpoints completed, gives the same sums as a run without failure, and the restart restored a
 * checkpoint. The consumer group's committed offsets are set by hand to the partitions' final ends
 * first (and the source does not commit):
 * a restore that read from the group's offsets would skip records, one that started over would count
 * some twice, and either changes the sums.
 */
@Timeout(180)
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSourceRecoveryE2ETest {

  private static final int PARTITIONS = 3;
  private static final int RECORDS = 20_000;
  private static final int KEYS = 13;
  private static final int CHUNK = 250;
  private static final Map<String, Long> FAILED_AFTER = new ConcurrentHashMap<>();
  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
  }

  /** The offset after the last record of partition {@code p} once the writer is done. */
  private static long endOffset(int p) {
    return RECORDS / PARTITIONS + (p < RECORDS % PARTITIONS ? 1 : 0);
  }

  /**
   * Writes the numbers 0 to RECORDS - 1 into {@code topic}, number i to partition i % PARTITIONS, a
   * chunk every few milliseconds, so that checkpoints complete while the job reads.
   */
  private static Thread writer(String topic) {
    Thread thread = new Thread(() -> {
      try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
        for (int start = 0; start < RECORDS; start += CHUNK) {
          for (int i = start; i < Math.min(RECORDS, start + CHUNK); i++) {
            producer.send(KafkaSourceTestJobs.record(topic, i % PARTITIONS, Integer.toString(i), i));
          }
          producer.flush();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(15));
        }
      }
    }, "test-kafka-writer");
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Throws once, at the first record after a checkpoint completed that was triggered after this
   * subtask had passed 2 000 records on: the restored state then holds records, and the source must
   * resume exactly after them.
   */
  static final class FailAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean fail;
    private transient volatile long seen;
    private transient volatile long armedAt;
    private transient volatile long checkpointed;

    FailAfterCheckpoint(String runId, boolean fail) {
      this.runId = runId;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) {
      seen++;
      if (fail && armedAt > 0 && checkpointed > armedAt && FAILED_AFTER.putIfAbsent(runId, checkpointed) == null) {
        throw new IllegalStateException("injected failure at record " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      // One checkpoint at a time: the next one is triggered after this one completed.
      if (armedAt == 0 && seen >= 2_000) {
        armedAt = checkpointId;
      }
      checkpointed = Math.max(checkpointed, checkpointId);
    }
  }

  /** Sums and counts the records of each key in keyed state; emits "key=sum/count" when the input ends. */
  static final class SumAtEnd extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> sum;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      sum.update((sum.value() == null ? 0 : sum.value()) + value);
      count.update((count.value() == null ? 0 : count.value()) + 1);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + sum.value() + "/" + count.value());
    }
  }

  private static ClusterJobClient run(String runId, boolean fail) throws Exception {
    String topic = runId;
    broker.createTopic(topic, PARTITIONS);
    Map<TopicPartition, Long> ends = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> endsToCommit = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      ends.put(new TopicPartition(topic, p), endOffset(p));
      endsToCommit.put(new TopicPartition(topic, p), new OffsetAndMetadata(endOffset(p)));
    }
    broker.admin().alterConsumerGroupOffsets("recovery", endsToCommit).all().get();
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics(topic)
        .setGroupId("recovery")
        .setProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(), "false")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.offsets(ends))
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
    Thread writer = writer(topic);
    writer.start();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").uid("kafka")
        .map(Long::parseLong).returns(Types.LONG).uid("parse")
        .map(new FailAfterCheckpoint(runId, fail)).uid("fail")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> 0L))
        .keyBy(x -> x % KEYS)
        .process(new SumAtEnd()).uid("sums")
        .sinkTo(new KafkaSourceTestJobs.KeepingSink(runId)).uid("results");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(writer.isAlive()).isFalse();
    return (ClusterJobClient) client;
  }

  private static List<String> expectedSums() {
    Map<Long, long[]> sums = new TreeMap<>();
    for (long x = 0; x < RECORDS; x++) {
      long[] s = sums.computeIfAbsent(x % KEYS, k -> new long[2]);
      s[0] += x;
      s[1]++;
    }
    List<String> records = new ArrayList<>();
    sums.forEach((key, s) -> records.add(key + "=" + s[0] + "/" + s[1]));
    records.sort(null);
    return records;
  }

  @Test
  void aRestoredJobResumesAtItsCheckpointedOffsetsExactlyOnce() throws Exception {
    run("kafka-clean", false);
    ClusterJobClient faulty = run("kafka-faulty", true);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), FAILED_AFTER.getOrDefault("kafka-faulty", 0L));
    List<String> clean = KafkaSourceTestJobs.kept("kafka-clean");
    assertThat(clean).isEqualTo(expectedSums());
    assertThat(KafkaSourceTestJobs.kept("kafka-faulty")).isEqualTo(clean);
  }
}
