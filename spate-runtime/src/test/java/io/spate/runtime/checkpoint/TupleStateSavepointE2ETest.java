package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.tuple.Tuple2;
import io.spate.api.tuple.Tuple3;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed state under Tuple2 keys, holding a Tuple2 value, survives a savepoint: a job stopped part
 * way through its input and started again from the savepoint ends with the same count and sum per
 * key as plain Java computes over the whole input.
 */
class TupleStateSavepointE2ETest {

  private static final long RECORDS = 20_000;
  private static final long WAIT_SECONDS = 30;
  private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

  /** Runs whose records are slowed down while they are listed, so that a savepoint falls mid-input. */
  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
  private static final Map<String, AtomicLong> PROCESSED = new ConcurrentHashMap<>();
  /** Per run, the latest (count, sum) each key reached. */
  private static final Map<String, Map<Tuple2<String, Integer>, Tuple2<Long, Long>>> LATEST = new ConcurrentHashMap<>();

  @TempDir
  Path dir;

  private MiniCluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64));
    cluster.start();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  /** Turns a number into (user, shard, amount), one record per millisecond while its run is held. */
  static final class ToEvent extends RichMapFunction<Long, Tuple3<String, Integer, Long>> {
    private static final long serialVersionUID = 1L;
    private final String run;

    ToEvent(String run) {
      this.run = run;
    }

    @Override
    public Tuple3<String, Integer, Long> map(Long value) {
      if (HELD.contains(run)) {
        LockSupport.parkNanos(1_000_000);
      }
      return Tuple3.of(user(value), shard(value), value);
    }
  }

  static String user(long value) {
    return "user-" + value % 13;
  }

  static int shard(long value) {
    return (int) (value % 3);
  }

  /** Keeps (count, sum) per key in a Tuple2 value state. */
  static final class CountAndSum
      extends KeyedProcessFunction<Tuple2<String, Integer>, Tuple3<String, Integer, Long>, Void> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private transient ValueState<Tuple2<Long, Long>> state;

    CountAndSum(String run) {
      this.run = run;
    }

    @Override
    public void open(OpenContext context) {
      state = getRuntimeContext().getState(
          new ValueStateDescriptor<>("count-and-sum", Types.TUPLE(Types.LONG, Types.LONG)));
    }

    @Override
    public void processElement(Tuple3<String, Integer, Long> event, Context ctx, Collector<Void> out) throws Exception {
      Tuple2<Long, Long> current = state.value();
      Tuple2<Long, Long> next = current == null ? Tuple2.of(1L, event.f2) : Tuple2.of(current.f0 + 1, current.f1 + event.f2);
      state.update(next);
      LATEST.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).put(ctx.getCurrentKey().copy(), next);
      PROCESSED.computeIfAbsent(run, r -> new AtomicLong()).incrementAndGet();
    }
  }

  private static JobGraph job(String run, Configuration conf) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new ToEvent(run)).uid("events")
        .keyBy(e -> Tuple2.of(e.f0, e.f1), Types.TUPLE(Types.STRING, Types.INT))
        .process(new CountAndSum(run)).uid("count-and-sum")
        .discard();
    return JobGraphGenerator.generate(env.getStreamGraph(run));
  }

  @Test
  void tupleKeysAndTupleStateAreRestoredFromASavepoint() throws Exception {
    HELD.add("first");
    JobClient first = cluster.submitJob(job("first", new Configuration())).get(WAIT_SECONDS, TimeUnit.SECONDS);
    Await.until(WAIT, "records are counted", () -> PROCESSED.containsKey("first") && PROCESSED.get("first").get() > 300);
    String savepoint = UnreadableStateRecoveryE2ETest.savepointOnceAllTasksRun(first, dir.resolve("savepoints").toString());
    first.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
    HELD.remove("first");
    assertThat(PROCESSED.get("first").get()).as("records before the savepoint").isLessThan(RECORDS);

    Configuration restore = new Configuration();
    restore.set(SavepointOptions.SAVEPOINT_PATH, savepoint);
    JobGraph second = job("second", restore);
    cluster.submitJob(second).get(WAIT_SECONDS, TimeUnit.SECONDS);
    JobResult result = cluster.getDispatcherGateway().requestJobResult(second.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);

    Map<Tuple2<String, Integer>, Tuple2<Long, Long>> expected = new HashMap<>();
    for (long value = 0; value < RECORDS; value++) {
      expected.merge(Tuple2.of(user(value), shard(value)), Tuple2.of(1L, value),
          (a, b) -> Tuple2.of(a.f0 + b.f0, a.f1 + b.f1));
    }
    // The restored run went on from the savepoint's counts: it processed only the rest of the input.
    assertThat(PROCESSED.get("second").get()).isLessThan(RECORDS);
    assertThat(LATEST.get("second")).isEqualTo(expected);
  }
}
