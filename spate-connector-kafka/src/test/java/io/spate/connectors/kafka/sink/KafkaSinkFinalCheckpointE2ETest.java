package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.connector.sink.lib.DiscardingSink;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bounded jobs with an EXACTLY_ONCE Kafka sink and checkpointing: the last transaction of each subtask
 * is committed by the final checkpoint, also when the job ends before its first periodic checkpoint
 * and when another task fails after the sink finished; a {@code read_committed} consumer sees every
 * record once, and no transaction is left open.
 */
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSinkFinalCheckpointE2ETest {

  private static final long RECORDS = 2_000;

  // Per run: whether the test saw all records committed, and whether the endless source may end.
  private static final Map<String, Boolean> SINK_COMMITTED = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> RELEASED = new ConcurrentHashMap<>();
  private static final Map<String, Long> FAILED_AFTER = new ConcurrentHashMap<>();

  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
  }

  /** Emits 0, 1, 2, ... until its run is released. */
  static final class UntilReleased extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private volatile boolean running = true;

    UntilReleased(String run) {
      this.run = run;
    }

    @Override
    public void run(SourceContext<Long> ctx) throws InterruptedException {
      long next = 0;
      while (running && !RELEASED.getOrDefault(run, false)) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(next++);
        }
        if (next % 64 == 0) {
          Thread.sleep(1); // the records only carry barriers: no need to use up a core
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  /**
   * Once it heard of two checkpoints completing after the test saw the sink's output committed, fails
   * once if {@code fail}, and otherwise releases the endless source.
   */
  static final class AfterSinkCommitted extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final boolean fail;
    private transient volatile int completedAfterSink;
    private transient volatile long heard;

    AfterSinkCommitted(String run, boolean fail) {
      this.run = run;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) {
      if (completedAfterSink >= 2) {
        if (fail && FAILED_AFTER.putIfAbsent(run, heard) == null) {
          throw new IllegalStateException("injected failure after the Kafka sink finished, at record " + value);
        }
        RELEASED.put(run, true);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (SINK_COMMITTED.getOrDefault(run, false)) {
        completedAfterSink++;
        heard = checkpointId;
      }
    }
  }

  private static void boundedPart(StreamExecutionEnvironment env, String topic) {
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(n -> "k" + (n % 7) + "," + n).uid("lines")
        .sinkTo(SequencedKeysJob.kafkaSink(broker.bootstrapServers(), topic, DeliveryGuarantee.EXACTLY_ONCE,
            topic + "-job")).uid("kafka");
  }

  private static Map<String, Long> committedValues(String topic) {
    return broker.readAllCommitted(topic).stream()
        .map(record -> new String(record.value(), StandardCharsets.UTF_8))
        .collect(Collectors.groupingBy(line -> line, Collectors.counting()));
  }

  private static Map<String, Long> expectedValues() {
    return LongStream.range(0, RECORDS).mapToObj(n -> "k" + (n % 7) + "," + n)
        .collect(Collectors.groupingBy(line -> line, Collectors.counting()));
  }

  private static List<String> openTransactions(String prefix) throws Exception {
    List<String> open = new ArrayList<>();
    for (TransactionListing listing : broker.admin().listTransactions().all().get()) {
      if (listing.state() == TransactionState.ONGOING && listing.transactionalId().startsWith(prefix)) {
        open.add(listing.transactionalId());
      }
    }
    return open;
  }

  @Test
  void aJobEndingBeforeItsFirstCheckpointCommitsEveryRecordOnce() throws Exception {
    String topic = "final-bounded";
    broker.createTopic(topic, 2);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(Duration.ofHours(1).toMillis()); // no periodic checkpoint before the job ends
    boundedPart(env, topic);
    // Well below the interval: the final checkpoint is taken as soon as every task waits for it.
    env.executeAsync("kafka-final-bounded").getJobExecutionResult().get(60, TimeUnit.SECONDS);

    assertThat(committedValues(topic)).isEqualTo(expectedValues());
    assertThat(openTransactions(topic + "-job")).as("transactions left open").isEmpty();
  }

  @Test
  @Tag("fault-injection")
  void aFailureAfterTheSinkFinishedCommitsNothingTwice() throws Exception {
    String run = "final-faulty";
    broker.createTopic(run, 2);
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY, JobManagerOptions.FailoverStrategy.FULL);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(100);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(20)));
    boundedPart(env, run);
    env.addSource(new UntilReleased(run), "ticks").uid("ticks")
        .map(new AfterSinkCommitted(run, true)).uid("gate")
        .sinkTo(new DiscardingSink<>()).uid("discard");
    JobClient client = env.executeAsync(run);
    awaitCommitted(run, client);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);

    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        ((ClusterJobClient) client).getLatestRestore().get(10, TimeUnit.SECONDS), FAILED_AFTER.getOrDefault(run, 0L));
    assertThat(committedValues(run)).isEqualTo(expectedValues());
    assertThat(openTransactions(run + "-job")).as("transactions left open").isEmpty();
  }

  /** Waits until a read_committed consumer sees every record of the sink, then tells the job. */
  private static void awaitCommitted(String run, JobClient client) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (broker.readAll(run, "read_committed").size() < RECORDS) {
      assertThat(client.getJobExecutionResult()).as("the job ended before its sink committed").isNotDone();
      assertThat(System.nanoTime()).as("the sink committed its records within 60 s").isLessThan(deadline);
      Thread.sleep(100);
    }
    SINK_COMMITTED.put(run, true);
  }
}
