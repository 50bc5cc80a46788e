package io.spate.runtime.network.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
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
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Jobs whose subtasks are spread over TaskExecutors with a network data plane each: the channels
 * between TaskExecutors go over loopback connections (serialized, credit-based), those inside one
 * stay in-process, and the results are those of the same job with in-process channels only,
 * including after a failure with unaligned checkpoints whose in-flight records crossed the network.
 * The networked clusters also serialize every RPC message (deployments with their job graph,
 * checkpoint acknowledgements with state handles, failures), as between processes.
 */
class DataPlaneDeploymentE2ETest {

  private static final long RECORDS = 30_000;
  private static final int KEYS = 13;
  private static final Map<String, Map<Long, Long>> RESULTS = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> FAILED = new ConcurrentHashMap<>();

  /**
 * Throws once, at the first record after this subtask heard of a completed checkpoint past the
 * first, and holds the records back until then.
 */
  static final class FailAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean fail;
    private transient volatile boolean checkpointed;

    FailAfterCheckpoint(String runId, boolean fail) {
      this.runId = runId;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) {
      if (fail && !FAILED.containsKey(runId)) {
        if (checkpointed && FAILED.putIfAbsent(runId, true) == null) {
          throw new IllegalStateException("injected failure at record " + value);
        }
        // Until then, slow enough that the input cannot end before two checkpoints completed.
        LockSupport.parkNanos(200_000);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed |= checkpointId >= 2;
    }
  }

  /** Sums the records of each key and emits the sum and count when the input ends. */
  static final class SumAtEnd extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      sum.update((sum.value() == null ? 0 : sum.value()) + value);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + sum.value());
    }
  }

  /** Keeps the last sum per key of its run. */
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
          String[] kv = element.split("=");
          RESULTS.computeIfAbsent(runId, k -> new ConcurrentHashMap<>())
              .put(Long.parseLong(kv[0]), Long.parseLong(kv[1]));
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  private static JobExecutionResult run(MiniCluster cluster, String runId, boolean fail, boolean unaligned)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    conf.set(CheckpointingOptions.ENABLE_UNALIGNED, unaligned);
    conf.setString("taskmanager.network.batch-size", "8");
    conf.setString("taskmanager.network.channel-capacity", "4");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new FailAfterCheckpoint(runId, fail)).uid("fail")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x))
        .rebalance()
        .map(x -> {
          LockSupport.parkNanos(10_000); // backpressure: this stage is the slow one
          return x;
        }).returns(Types.LONG).uid("slow")
        .keyBy(x -> x % KEYS)
        .process(new SumAtEnd()).uid("sums")
        .sinkTo(new ResultSink(runId)).uid("results");
    JobClient client = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph(runId)))
        .get(30, TimeUnit.SECONDS);
    return client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
  }

  private static MiniCluster twoTaskExecutors(boolean dataPlane) {
    MiniClusterConfiguration shape = new MiniClusterConfiguration(2, 2, 2, 16, 256);
    // With a data plane, RPC messages are serialized too: the closest one JVM gets to processes.
    MiniCluster cluster = new MiniCluster(shape, dataPlane ? DataPlaneSettings.loopback() : null, dataPlane);
    cluster.start();
    return cluster;
  }

  private static Map<Long, Long> expectedSums() {
    Map<Long, Long> sums = new TreeMap<>();
    for (long x = 0; x < RECORDS; x++) {
      sums.merge(x % KEYS, x, Long::sum);
    }
    return sums;
  }

  @Test
  void aKeyedJobAcrossTaskExecutorsGivesTheResultsOfInProcessChannels() throws Exception {
    try (MiniCluster inProcess = twoTaskExecutors(false)) {
      run(inProcess, "in-process", false, false);
      assertThat(inProcess.networkChannelEnds()).isZero();
    }
    try (MiniCluster network = twoTaskExecutors(true)) {
      run(network, "network", false, false);
      // Subtask 0 of every task runs on one TaskExecutor and subtask 1 on the other: the rebalance
      // and keyBy edges each have two channels that cross, counted at both ends.
      assertThat(network.networkChannelEnds()).isEqualTo(2 * 2 * 2);
    }
    assertThat(new TreeMap<>(RESULTS.get("in-process"))).isEqualTo(expectedSums());
    assertThat(new TreeMap<>(RESULTS.get("network"))).isEqualTo(expectedSums());
  }

  @Test
  void aFailureAfterUnalignedCheckpointsAcrossTheNetworkLeavesTheSumsOfAFailureFreeRun() throws Exception {
    try (MiniCluster network = twoTaskExecutors(true)) {
      JobExecutionResult faulty = run(network, "faulty-unaligned", true, true);
      assertThat(faulty.counters().get(JobResult.RESTARTS)).as("restarts").isGreaterThanOrEqualTo(1L);
      // The restart opened fresh channels: more than one attempt's worth crossed the network.
      assertThat(network.networkChannelEnds()).isGreaterThan(2 * 2 * 2);
    }
    assertThat(new TreeMap<>(RESULTS.get("faulty-unaligned"))).isEqualTo(expectedSums());
  }

  @Test
  void aFailureWithAlignedCheckpointsAcrossTheNetworkLeavesTheSumsOfAFailureFreeRun() throws Exception {
    try (MiniCluster network = twoTaskExecutors(true)) {
      JobExecutionResult faulty = run(network, "faulty-aligned", true, false);
      assertThat(faulty.counters().get(JobResult.RESTARTS)).as("restarts").isGreaterThanOrEqualTo(1L);
    }
    assertThat(new TreeMap<>(RESULTS.get("faulty-aligned"))).isEqualTo(expectedSums());
  }
}
