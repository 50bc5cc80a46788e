package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.accumulators.Histogram;
import io.spate.api.accumulators.IntCounter;
import io.spate.api.accumulators.ListAccumulator;
import io.spate.api.accumulators.LongMaximum;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.execution.JobListener;
import io.spate.api.functions.Collector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichCoGroupFunction;
import io.spate.api.functions.RichFlatJoinFunction;
import io.spate.api.functions.RichJoinFunction;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.functions.source.RichSourceFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Accumulators that functions register through their runtime context reach the job's result, merged
 * over all subtasks and counted once per subtask even after a restart; rich join functions get their
 * runtime context; job listeners hear of submission and of the result.
 */
class AccumulatorsE2ETest {

  /** Counts, sums and remembers what passes, with every kind of registration. */
  static final class Counting extends RichMapFunction<Long, Long> {
    private transient ListAccumulator<Long> seen;
    private final LongMaximum max = new LongMaximum();

    @Override
    public void open(OpenContext openContext) {
      seen = new ListAccumulator<>();
      getRuntimeContext().addAccumulator("seen", seen);
      getRuntimeContext().addAccumulator("max", max);
    }

    @Override
    public Long map(Long value) {
      getRuntimeContext().getIntCounter("records").add(1);
      getRuntimeContext().getLongCounter("sum").add(value);
      getRuntimeContext().getDoubleCounter("halves").add(value / 2.0);
      getRuntimeContext().getHistogram("lastDigits").add((int) (value % 10));
      seen.add(value);
      max.add(value);
      return value;
    }
  }

  @Test
  void accumulatorsOfAllSubtasksAreMergedIntoTheResult() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    env.fromSequence(1, 100).map(new Counting()).discard();
    JobExecutionResult result = E2eSupport.run(env, "accumulators");

    assertThat(result.<Integer>getAccumulatorResult("records")).isEqualTo(100);
    assertThat(result.getIntCounterResult("records")).isEqualTo(100);
    assertThat(result.<Long>getAccumulatorResult("sum")).isEqualTo(5050L);
    assertThat(result.<Double>getAccumulatorResult("halves")).isEqualTo(2525.0);
    assertThat(result.<Long>getAccumulatorResult("max")).isEqualTo(100L);
    TreeMap<Integer, Integer> digits = result.getAccumulatorResult("lastDigits");
    assertThat(digits).hasSize(10).allSatisfy((digit, count) -> assertThat(count).isEqualTo(10));
    List<Long> seen = result.getAccumulatorResult("seen");
    assertThat(seen).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
    assertThat(result.getAllAccumulatorResults())
        .containsOnlyKeys("records", "sum", "halves", "max", "lastDigits", "seen");
  }

  /** A legacy source that counts from its own thread what it emits. */
  static final class CountingSource extends RichSourceFunction<Long> {
    private volatile boolean running = true;

    @Override
    public void run(SourceContext<Long> ctx) {
      IntCounter emitted = new IntCounter();
      getRuntimeContext().addAccumulator("emitted", emitted);
      for (long i = 0; i < 40 && running; i++) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(i);
          emitted.add(1);
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  @Test
  void aLegacySourceFunctionsAccumulatorsReachTheResult() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.addSource(new CountingSource(), "counting", Types.LONG).discard();
    assertThat(E2eSupport.run(env, "legacy accumulators").<Integer>getAccumulatorResult("emitted")).isEqualTo(40);
  }

  /** Fails its subtask once, half-way through its first attempt. */
  static final class FailingOnce extends RichMapFunction<Long, Long> {
    @Override
    public Long map(Long value) {
      getRuntimeContext().getIntCounter("mapped").add(1);
      if (value == 50 && getRuntimeContext().getAttemptNumber() == 0) {
        throw new IllegalStateException("failing once on purpose");
      }
      return value;
    }
  }

  @Test
  void aRestartedSubtaskCountsOnlyItsLastAttempt() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, Duration.ZERO));
    env.fromSequence(1, 100).map(new FailingOnce()).discard();
    JobExecutionResult result = E2eSupport.run(env, "restarted");
    assertThat(result.counters()).containsEntry("restarts", 1L);
    assertThat(result.<Integer>getAccumulatorResult("mapped")).as("the failed attempt's 50 are gone").isEqualTo(100);
  }

  /** Registers an accumulator named "shared" in open. */
  static final class Registering extends RichMapFunction<Long, Long> {
    @Override
    public void open(OpenContext openContext) {
      getRuntimeContext().addAccumulator("shared", new IntCounter());
    }

    @Override
    public Long map(Long value) {
      return value;
    }
  }

  @Test
  void twoChainedFunctionsCannotRegisterOneName() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 3).map(new Registering()).name("first").map(new Registering()).name("second").discard();
    assertThatThrownBy(() -> E2eSupport.run(env, "clash"))
        .hasStackTraceContaining("adds the accumulator 'shared', but its task has one of that name already");
  }

  /** Asks for a histogram under a name an IntCounter has. */
  static final class WrongKind extends RichMapFunction<Long, Long> {
    @Override
    public Long map(Long value) {
      getRuntimeContext().getIntCounter("name").add(1);
      getRuntimeContext().getHistogram("name");
      return value;
    }
  }

  @Test
  void anAccumulatorOfAnotherKindIsNamedInTheError() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 3).map(new WrongKind()).discard();
    assertThatThrownBy(() -> E2eSupport.run(env, "wrong kind"))
        .hasStackTraceContaining("The accumulator 'name' is a " + IntCounter.class.getName())
        .hasStackTraceContaining(Histogram.class.getName());
  }

  @Test
  void jobListenersHearOfSubmissionAndResult() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.registerJobListener(new JobListener() {
      @Override
      public void onJobSubmitted(JobClient client, Throwable error) {
        heard.add("submitted " + (client != null) + " " + error);
      }

      @Override
      public void onJobExecuted(JobExecutionResult result, Throwable error) {
        heard.add("executed " + (result == null ? null : result.getAccumulatorResult("records")) + " "
            + (error == null ? null : error.getClass().getSimpleName()));
      }
    });
    env.fromSequence(1, 10).map(new Counting()).discard();
    env.execute("listened");
    assertThat(heard).containsExactly("submitted true null", "executed 10 null");

    heard.clear();
    env.fromSequence(1, 3).map(new Broken()).discard();
    assertThatThrownBy(() -> env.execute("failing")).isInstanceOf(JobExecutionException.class);
    assertThat(heard).containsExactly("submitted true null", "executed null JobExecutionException");
  }

  /** Fails on its first record. */
  static final class Broken extends RichMapFunction<Long, Long> {
    @Override
    public Long map(Long value) {
      throw new IllegalStateException("broken on purpose");
    }
  }

  /** Joins, counting its calls in an accumulator, and tags results with the subtask it learned in open. */
  static final class CountingJoin extends RichJoinFunction<Long, Long, String> {
    private transient int subtask = -1;

    @Override
    public void open(OpenContext openContext) {
      subtask = getRuntimeContext().getIndexOfThisSubtask();
    }

    @Override
    public String join(Long first, Long second) {
      getRuntimeContext().getIntCounter("joins").add(1);
      return first + "=" + second + "@" + subtask;
    }
  }

  /** Emits each pair twice, counting in an accumulator. */
  static final class TwiceJoin extends RichFlatJoinFunction<Long, Long, Long> {
    @Override
    public void join(Long first, Long second, Collector<Long> out) {
      getRuntimeContext().getIntCounter("flatJoins").add(1);
      out.collect(first);
      out.collect(second);
    }
  }

  /** Emits the group sizes, counting in an accumulator. */
  static final class SizesCoGroup extends RichCoGroupFunction<Long, Long, String> {
    @Override
    public void coGroup(Iterable<Long> first, Iterable<Long> second, Collector<String> out) {
      getRuntimeContext().getIntCounter("groups").add(1);
      int a = 0;
      int b = 0;
      for (Long ignored : first) {
        a++;
      }
      for (Long ignored : second) {
        b++;
      }
      out.collect(a + "/" + b);
    }
  }

  @Test
  void richJoinAndCoGroupFunctionsGetTheirRuntimeContext() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    WatermarkStrategy<Long> timestamps = WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v);
    var left = env.fromSequence(1, 6).assignTimestampsAndWatermarks(timestamps);
    var right = env.fromSequence(4, 9).assignTimestampsAndWatermarks(timestamps);
    List<String> joined = E2eSupport.collect(left.join(right).where(v -> v).equalTo(v -> v)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).apply(new CountingJoin(), Types.STRING));
    assertThat(joined).containsExactlyInAnyOrder("4=4@0", "5=5@0", "6=6@0");

    StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(1);
    var left2 = env2.fromSequence(1, 6).assignTimestampsAndWatermarks(timestamps);
    var right2 = env2.fromSequence(4, 9).assignTimestampsAndWatermarks(timestamps);
    left2.join(right2).where(v -> v % 2).equalTo(v -> v % 2)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).apply(new TwiceJoin(), Types.LONG).discard();
    left2.coGroup(right2).where(v -> v % 3).equalTo(v -> v % 3)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).apply(new SizesCoGroup(), Types.STRING).discard();
    JobExecutionResult result = E2eSupport.run(env2, "rich joins");
    assertThat(result.<Integer>getAccumulatorResult("flatJoins")).as("3 x 3 odd-even pairs on each side").isEqualTo(18);
    assertThat(result.<Integer>getAccumulatorResult("groups")).isEqualTo(3);
  }

  // "Accumulators" in docs/datastream-api.md.
  public static class CountingMap extends RichMapFunction<String, String> {
    private final IntCounter lines = new IntCounter();

    @Override
    public void open(OpenContext ctx) {
      getRuntimeContext().addAccumulator("lines", lines);
    }

    @Override
    public String map(String line) {
      lines.add(1);
      getRuntimeContext().getHistogram("lengths").add(line.length());
      return line;
    }
  }

  @Test
  void theDocumentedAccumulatorsCountLines() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromElements("a", "bb", "cc", "ddd").map(new CountingMap()).discard();
    JobExecutionResult result = env.execute("count lines");
    int lines = result.getAccumulatorResult("lines");
    TreeMap<Integer, Integer> lengths = result.getAccumulatorResult("lengths");
    assertThat(lines).isEqualTo(4);
    assertThat(lengths).containsExactly(java.util.Map.entry(1, 1), java.util.Map.entry(2, 2), java.util.Map.entry(3, 1));
  }
}
