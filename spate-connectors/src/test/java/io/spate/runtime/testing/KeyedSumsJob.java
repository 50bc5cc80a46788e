package io.spate.runtime.testing;

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
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A keyed job for tests of distributed execution: numbers through a rebalance and a keyBy into a
 * sum per key, emitted at the end of input, with checkpoints every 30 ms and an optional failure
 * after two completed checkpoints; every "key=sum" record a run emits is kept by run id, so that a
 * sum emitted twice shows.
 */
public final class KeyedSumsJob {

  private KeyedSumsJob() {}

  /** Records of the job. */
  public static final long RECORDS = 30_000;
  /** Keys of the job. */
  public static final int KEYS = 13;
  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();
  // The checkpoint that the failing subtask had heard completed when it failed, by run.
  private static final Map<String, Long> FAILED = new ConcurrentHashMap<>();

  /** Throws once, at the first record after this subtask heard of a completed checkpoint past the first. */
  public static final class FailAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean fail;
    private transient volatile long checkpointed;

    /** Fails run {@code runId} once if {@code fail}. */
    public FailAfterCheckpoint(String runId, boolean fail) {
      this.runId = runId;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) {
      if (fail && checkpointed >= 2 && FAILED.putIfAbsent(runId, checkpointed) == null) {
        throw new IllegalStateException("injected failure at record " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = Math.max(checkpointed, checkpointId);
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

  /** Keeps every record of its run, in the order it was given them. */
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
          RESULTS.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>())).add(element);
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
  public static JobResult run(MiniCluster cluster, String runId, boolean fail, boolean unaligned)
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
    return cluster.getDispatcherGateway().requestJobResult(client.getJobID()).get(120, TimeUnit.SECONDS);
  }

  /** Every "key=sum" record run {@code runId} emitted, sorted: a record emitted twice is there twice. */
  public static List<String> results(String runId) {
    return RecordedOutput.sorted(RESULTS.getOrDefault(runId, List.of()));
  }

  /**
   * The checkpoint that the subtask failing in run {@code runId} had heard completed when it failed
   * (at least 2), or 0 if it did not fail.
   */
  public static long checkpointBeforeFailure(String runId) {
    return FAILED.getOrDefault(runId, 0L);
  }

  /** The records every run must give, one "key=sum" per key, sorted. */
  public static List<String> expectedSums() {
    Map<Long, Long> sums = new TreeMap<>();
    for (long x = 0; x < RECORDS; x++) {
      sums.merge(x % KEYS, x, Long::sum);
    }
    List<String> records = new ArrayList<>();
    sums.forEach((key, sum) -> records.add(key + "=" + sum));
    records.sort(null);
    return records;
  }
}
