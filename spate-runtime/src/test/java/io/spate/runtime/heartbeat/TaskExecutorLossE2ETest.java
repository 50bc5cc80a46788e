package io.spate.runtime.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobStatus;
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
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.testing.RecordedOutput;
import io.spate.runtime.testing.RecoveryAssertions;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A TaskExecutor of a three-TaskExecutor cluster dies in the middle of a keyed job with
 * checkpoints: the ResourceManager notices by its heartbeats, the job restarts from its latest
 * checkpoint on the slots that remain (every restart restored a checkpoint), and every record it
 * emitted, counted with its repeats, equals those of a run without failures.
 * Takes about ten seconds, so it runs with the fault-injection tests.
 */
@Tag("fault-injection")
class TaskExecutorLossE2ETest {

  private static final long RECORDS = 30_000;
  private static final int KEYS = 7;
  private static final int PARALLELISM = 3;
  private static final HeartbeatSettings HEARTBEAT = new HeartbeatSettings(50, 500);
  private static final long WAIT_SECONDS = 60;
  private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

  /** Every "key=count,sum" record of a run, in the order the sink was given them. */
  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();
  /** Runs whose records are held back (slowed to a trickle) until the test lets them go. */
  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
  private static final Map<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();
  /** The newest checkpoint a subtask of the run heard had completed. */
  private static final Map<String, AtomicLong> CHECKPOINTED = new ConcurrentHashMap<>();

  /**
   * Passes records on; while its run is held it lets only one through per millisecond, so that the
   * job is still running, and checkpointing, when the test kills a TaskExecutor.
   */
  static final class Throttle extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;

    Throttle(String runId) {
      this.runId = runId;
    }

    @Override
    public void open(OpenContext context) {
      OPENED.computeIfAbsent(runId, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public Long map(Long value) {
      if (HELD.contains(runId)) {
        LockSupport.parkNanos(1_000_000);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.computeIfAbsent(runId, k -> new AtomicLong()).accumulateAndGet(checkpointId, Math::max);
    }
  }

  /** Counts and sums the values per key and emits both when the input ends. */
  static final class CountAndSum extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      count.update((count.value() == null ? 0 : count.value()) + 1);
      sum.update((sum.value() == null ? 0 : sum.value()) + value);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + count.value() + "," + sum.value());
    }
  }

  /** Keeps every record of its run, in the order it was given them. */
  static final class ResultSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    ResultSink(String runId) {
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

  private static JobGraph job(String runId) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(20)));
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new Throttle(runId)).uid("throttle")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x))
        .keyBy(x -> x % KEYS)
        .process(new CountAndSum()).uid("counts")
        .sinkTo(new ResultSink(runId)).uid("results");
    return JobGraphGenerator.generate(env.getStreamGraph(runId));
  }

  private static MiniCluster startCluster() {
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(3, 2, 1, 16, 64).withHeartbeat(HEARTBEAT));
    cluster.start();
    return cluster;
  }

  @Test
  void aJobWhoseTaskExecutorDiesRestartsOnTheRemainingSlotsWithTheResultsOfAFailureFreeRun() throws Exception {
    try (MiniCluster cluster = startCluster()) {
      JobGraph clean = job("clean");
      cluster.submitJob(clean).get(WAIT_SECONDS, TimeUnit.SECONDS);
      JobResult cleanResult = cluster.getDispatcherGateway().requestJobResult(clean.jobId())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(cleanResult.status()).isEqualTo(JobStatus.FINISHED);
    }
    List<String> expected = results("clean");
    List<String> computed = new ArrayList<>();
    for (long key = 0; key < KEYS; key++) {
      long count = 0;
      long sum = 0;
      for (long x = key; x < RECORDS; x += KEYS) {
        count++;
        sum += x;
      }
      computed.add(key + "=" + count + "," + sum);
    }
    computed.sort(null);
    assertThat(expected).isEqualTo(computed);

    try (MiniCluster cluster = startCluster()) {
      HELD.add("faulty");
      JobGraph faulty = job("faulty");
      cluster.submitJob(faulty).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "a checkpoint completes", () -> CHECKPOINTED.containsKey("faulty"));
      assertThat(OPENED.get("faulty").get()).isEqualTo(PARALLELISM);

      long completedBeforeKill = CHECKPOINTED.get("faulty").get();
      String killed = cluster.killTaskExecutor(1);
      assertThat(killed).isEqualTo("taskexecutor-1");
      Await.until(WAIT, "the job is redeployed", () -> OPENED.get("faulty").get() >= 2 * PARALLELISM);
      assertThat(cluster.getResourceManagerGateway().requestTaskExecutors().get()).extracting(RegisteredTaskExecutor::address)
          .containsExactly("taskexecutor-0", "taskexecutor-2");
      HELD.remove("faulty");

      JobResult result = cluster.getDispatcherGateway().requestJobResult(faulty.jobId())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
      RecoveryAssertions.assertEveryRestartRestoredACheckpoint(result, completedBeforeKill);
      assertThat(result.exceptions()).extracting(ExceptionHistoryEntry::description)
          .anyMatch(d -> d.contains("TaskExecutor taskexecutor-1 was lost: no heartbeat for 500 ms"));
      assertThat(results("faulty")).isEqualTo(expected);
    } finally {
      HELD.remove("faulty");
    }
  }

  /** Every record of run {@code runId}, sorted: a record emitted twice is there twice. */
  private static List<String> results(String runId) {
    return RecordedOutput.sorted(RESULTS.getOrDefault(runId, List.of()));
  }
}
