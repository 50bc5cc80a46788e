package io.spate.runtime.testing;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.connector.source.lib.RateLimiterStrategy;
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
import io.spate.runtime.minicluster.MiniCluster;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A keyed job for tests of distributed execution: numbers through a rebalance and a keyBy into a
 * sum per key, emitted at the end of input, with checkpoints every 30 ms and an optional failure
 * after two completed checkpoints; the sums of a run are kept by run id.
 */
public final class KeyedSumsJob {

  private KeyedSumsJob() {}

  /** Records of the job. */
  public static final long RECORDS = 30_000;
  /** Keys of the job. */
  public static final int KEYS = 13;
  private static final Map<String, Map<Long, Long>> RESULTS = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> FAILED = new ConcurrentHashMap<>();

  /** Throws once, at the first record after this subtask heard of a completed checkpoint past the first. */
  public static final class FailAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean fail;
    private transient volatile boolean checkpointed;

    /** Fails run {@code runId} once if {@code fail}. */
    public FailAfterCheckpoint(String runId, boolean fail) {
      this.runId = runId;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) {
      if (fail && checkpointed && FAILED.putIfAbsent(runId, true) == null) {
        throw new IllegalStateException("injected failure at record " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed |= checkpointId >= 2;
    }
  }

  /** Sums the records of each key and emits the sum and count when the input ends. */
  public static final class SumAtEnd extends KeyedProcessFunction<Long, Long, String> {
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
  public static final class ResultSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    /** Keeps the sums of run {@code runId}. */
    public ResultSink(String runId) {
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

  /**
   * Runs the job on {@code cluster} as run {@code runId}, failing once after two completed
   * checkpoints if {@code fail}, with unaligned checkpoints if {@code unaligned}.
   */
  public static JobExecutionResult run(MiniCluster cluster, String runId, boolean fail, boolean unaligned)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    conf.set(CheckpointingOptions.ENABLE_UNALIGNED, unaligned);
    conf.setString("taskmanager.network.batch-size", "8");
    conf.setString("taskmanager.network.channel-capacity", "4");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    // Paced (3 s of input) so that checkpoints complete while the input lasts; the pacing waits on
    // the task's timers, so it never holds a checkpoint back.
    env.fromSource(new DataGeneratorSource<>(index -> index, RECORDS, RateLimiterStrategy.perSecond(10_000),
            Types.LONG), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
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

  /** The sums run {@code runId} emitted, by key. */
  public static Map<Long, Long> results(String runId) {
    return new TreeMap<>(RESULTS.getOrDefault(runId, Map.of()));
  }

  /** The sums every run must give, by key. */
  public static Map<Long, Long> expectedSums() {
    Map<Long, Long> sums = new TreeMap<>();
    for (long x = 0; x < RECORDS; x++) {
      sums.merge(x % KEYS, x, Long::sum);
    }
    return sums;
  }
}
