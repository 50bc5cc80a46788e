package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecordedOutput;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A job with keyed counts, unaligned checkpoints under backpressure and a failure after a completed
 * checkpoint emits the same records as a run without failures, each as often (none twice): the
 * restart restored the checkpoint and the in-flight records stored with it are replayed exactly once.
 */
class UnalignedExactlyOnceE2ETest {

  private static final long RECORDS = 40_000;
  private static final int KEYS = 11;
  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();

  /** Counts records per key and emits the count when the input ends (the final watermark fires the timer). */
  static final class CountAtEnd extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      count.update((count.value() == null ? 0 : count.value()) + 1);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + count.value());
    }
  }

  /** Keeps every record of its run, in the order it was given them. */
  static final class RecordingSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    RecordingSink(String runId) {
      this.runId = runId;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context ctx) {
          RESULTS.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>())).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  /** Runs the job to its end; its client, to ask about the ended job. */
  private static ClusterJobClient run(String runId, boolean fail) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
    conf.setString("taskmanager.network.batch-size", "8");
    conf.setString("taskmanager.network.channel-capacity", "4");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new KeyedSumsJob.FailAfterCheckpoint(runId, fail)).uid("fail")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x))
        .rebalance()
        .map(x -> {
          LockSupport.parkNanos(20_000); // backpressure: this stage is the slow one
          return x;
        }).returns(Types.LONG).uid("slow")
        .keyBy(x -> x % KEYS)
        .process(new CountAtEnd()).uid("counts")
        .sinkTo(new RecordingSink(runId)).uid("results");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  /** Every record of run {@code runId}, sorted: a record emitted twice is there twice. */
  private static List<String> results(String runId) {
    return RecordedOutput.sorted(RESULTS.getOrDefault(runId, List.of()));
  }

  @Test
  void aFailureAfterUnalignedCheckpointsLeavesTheKeyedCountsOfAFailureFreeRun() throws Exception {
    run("clean", false);
    ClusterJobClient faulty = run("faulty", true);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), KeyedSumsJob.checkpointBeforeFailure("faulty"));
    List<String> expected = results("clean");
    assertThat(expected).hasSize(KEYS);
    assertThat(expected.stream().mapToLong(line -> Long.parseLong(line.substring(line.indexOf('=') + 1))).sum())
        .isEqualTo(RECORDS);
    assertThat(results("faulty")).isEqualTo(expected);
  }
}
