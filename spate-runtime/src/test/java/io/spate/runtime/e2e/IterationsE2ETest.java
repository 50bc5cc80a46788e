package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.common.OutputTag;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.IterativeStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.CoFlatMapFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import io.spate.runtime.operators.iteration.FeedbackChannels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Iterations on the embedded cluster: loops that end, a connected loop, a fan-out past every buffer. */
class IterationsE2ETest {

  /** A number counting down to zero; {@code start} says where it began. */
  record Countdown(long start, long current) {}

  /** One of {@code copies} records that {@code id} sent round the loop; {@code round} counts its trips. */
  record Trip(long id, int round) {}

  private static final OutputTag<String> STEPS = new OutputTag<String>("steps") {};

  /** The body of the classic loop: counts down by one, and reports every step on a side output. */
  static final class Decrement extends KeyedProcessFunction<Long, Countdown, Countdown> {
    @Override
    public void processElement(Countdown c, Context ctx, Collector<Countdown> out) {
      Countdown next = new Countdown(c.start(), c.current() - 1);
      ctx.output(STEPS, next.start() + ":" + next.current());
      out.collect(next);
    }
  }

  /**
   * Numbers fed back and decremented until they reach zero, keyed across the network between the
   * head and the body at parallelism 2; the side exit sees every step, the main exit every zero.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void numbersLoopUntilZeroWithASideExit(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    long n = 60;
    DataStream<Countdown> input = env.fromSequence(1, n).map(v -> new Countdown(v, v)).returns(Countdown.class);
    IterativeStream<Countdown> iteration = input.iterate(500);
    SingleOutputStreamOperator<Countdown> body = iteration.keyBy(Countdown::start, Types.LONG).process(new Decrement());
    iteration.closeWith(body.filter(c -> c.current() > 0));
    RecordingSink<Countdown> zeros = new RecordingSink<>();
    body.filter(c -> c.current() == 0).sinkTo(zeros);
    RecordingSink<String> steps = new RecordingSink<>();
    body.getSideOutput(STEPS).sinkTo(steps);

    run(env, "countdown");

    List<Countdown> expectedZeros = new ArrayList<>();
    List<String> expectedSteps = new ArrayList<>();
    for (long start = 1; start <= n; start++) {
      expectedZeros.add(new Countdown(start, 0));
      for (long current = start - 1; current >= 0; current--) {
        expectedSteps.add(start + ":" + current);
      }
    }
    assertThat(zeros.values()).containsExactlyInAnyOrderElementsOf(expectedZeros);
    assertThat(steps.values()).containsExactlyInAnyOrderElementsOf(expectedSteps);
  }

  /** The input (numbers) and the feedback (strings) have different types and meet in a co-flat-map. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aConnectedIterationFeedsBackAnotherType(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    long n = 40;
    DataStream<Long> input = env.fromSequence(1, n);
    IterativeStream.ConnectedIterativeStreams<Long, String> loop = input.iterate(500).withFeedbackType(String.class);
    DataStream<String> counted = loop.flatMap(new CoFlatMapFunction<Long, String, String>() {
      @Override
      public void flatMap1(Long start, Collector<String> out) {
        out.collect(start + "");
      }

      @Override
      public void flatMap2(String left, Collector<String> out) {
        out.collect((Long.parseLong(left) - 1) + "");
      }
    });
    loop.closeWith(counted.filter(s -> !s.equals("0")));
    RecordingSink<String> all = new RecordingSink<>();
    counted.sinkTo(all);

    run(env, "connected countdown");

    List<String> expected = new ArrayList<>();
    for (long start = 1; start <= n; start++) {
      for (long k = start; k >= 0; k--) {
        expected.add(k + "");
      }
    }
    assertThat(all.values()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Sends {@code COPIES} records round the loop for each record of its first round. */
  static final class FanOut implements FlatMapFunction<Trip, Trip> {
    static final int COPIES = 20 * FeedbackChannels.MEMORY_RECORDS;

    @Override
    public void flatMap(Trip trip, Collector<Trip> out) {
      if (trip.round() == 0) {
        for (int i = 0; i < COPIES; i++) {
          out.collect(new Trip(trip.id(), 1));
        }
      } else {
        out.collect(new Trip(trip.id(), trip.round() + 1));
      }
    }
  }

  /**
   * One record makes the body feed back twenty times more records than the channel holds in memory, in
   * one call, through a chain that holds head, body and tail in one task: a channel that made the tail
   * wait when full would wait for its own task forever. The tail spills instead, and all come back.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aFanOutPastTheChannelsMemoryCompletes(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    DataStream<Trip> input = env.fromSequence(1, 3).map(id -> new Trip(id, 0)).returns(Trip.class);
    IterativeStream<Trip> iteration = input.iterate(500);
    DataStream<Trip> body = iteration.flatMap(new FanOut());
    iteration.closeWith(body.filter(t -> t.round() == 1));
    RecordingSink<Trip> done = new RecordingSink<>();
    body.filter(t -> t.round() == 2).sinkTo(done);

    run(env, "fan-out");

    List<Trip> values = done.values();
    assertThat(values).hasSize(3 * FanOut.COPIES);
    for (long id = 1; id <= 3; id++) {
      long theId = id;
      assertThat(values.stream().filter(t -> t.id() == theId).count()).isEqualTo(FanOut.COPIES);
    }
  }

  /**
   * With no wait time the head never ends, as in Flink: the bounded job has given all its output and
   * still runs, until it is cancelled.
   */
  @Test
  void anIterationWithoutWaitTimeRunsUntilCancelled() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate();
    DataStream<Long> minusOne = iteration.map(v -> v - 1);
    iteration.closeWith(minusOne.filter(v -> v > 0));
    RecordingSink<Long> zeros = new RecordingSink<>();
    minusOne.filter(v -> v == 0).sinkTo(zeros);

    JobClient client = env.executeAsync("endless");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eSupport.JOB_TIMEOUT_SECONDS);
      while (zeros.values().size() < 10 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(zeros.values()).hasSize(10);
      assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    } finally {
      client.cancel().get(E2eSupport.JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
  }

  /**
   * Gives each number the timestamp {@code number} seconds and, after it, the watermark just below:
   * watermarks that do not depend on timing. A 0 is no record but the final watermark, at once.
   */
  static final class SecondsAndWatermarks
      implements io.spate.api.operators.OneInputStreamOperator<Long, Long>, java.io.Serializable {
    private transient io.spate.api.operators.Output<Long> output;

    @Override
    public void setup(io.spate.api.operators.StreamOperatorParameters<Long> parameters) {
      output = parameters.getOutput();
    }

    @Override
    public void open() {
    }

    @Override
    public void processElement(Long value, long timestamp) {
      if (value == 0) {
        output.emitWatermark(Long.MAX_VALUE);
        return;
      }
      output.collect(value, value * 1_000);
      output.emitWatermark(value * 1_000 - 1);
    }

    @Override
    public void processWatermark(long watermark) {
      output.emitWatermark(watermark);
    }

    @Override
    public void processWatermarkStatus(io.spate.api.operators.WatermarkStatus status) {
      output.emitWatermarkStatus(status);
    }

    @Override
    public void finish() {
    }

    @Override
    public void close() {
    }

    @Override
    public String getName() {
      return "seconds and watermarks";
    }
  }

  private static DataStream<Long> timedNumbers(StreamExecutionEnvironment env, long... numbers) {
    List<Long> list = new ArrayList<>();
    for (long n : numbers) {
      list.add(n);
    }
    return env.fromData(list, Types.LONG).transform("seconds", Types.LONG, new SecondsAndWatermarks());
  }

  private static List<Long> awaitWhileRunning(JobClient client, RecordingSink<Long> sink, int count) throws Exception {
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eSupport.JOB_TIMEOUT_SECONDS);
      while (sink.values().size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
      return sink.values();
    } finally {
      client.cancel().get(E2eSupport.JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * The head passes on its input's watermarks: in a job that never ends (no wait time), the first
   * hour's window fires once a record two hours in moves the watermark past it.
   */
  @Test
  void theHeadPassesOnItsInputsWatermarks() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IterativeStream<Long> iteration = timedNumbers(env, 1, 2, 3, 7_200).iterate();
    DataStream<Long> body = iteration.map(v -> v);
    iteration.closeWith(body.filter(v -> v < 0));
    RecordingSink<Long> sums = new RecordingSink<>();
    body.windowAll(TumblingEventTimeWindows.of(Duration.ofHours(1))).reduce(Long::sum).sinkTo(sums);

    assertThat(awaitWhileRunning(env.executeAsync("watermarks through an iteration"), sums, 1)).containsExactly(6L);
  }

  /**
   * The input's final watermark waits until the head ends, so records that come back after it are
   * not late: every trip round the loop reaches the window. The final watermark reaches the head right
   * after the record that goes round 500 times, so nearly all its trips come after it.
   */
  @Test
  void recordsFedBackAfterTheInputEndedAreNotLate() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IterativeStream<Long> iteration = timedNumbers(env, 1, 2, 500, 0).iterate(300);
    SingleOutputStreamOperator<Long> body = iteration.map(v -> v - 1);
    iteration.closeWith(body.filter(v -> v > 0));
    RecordingSink<Long> counts = new RecordingSink<>();
    body.map(v -> 1L).windowAll(TumblingEventTimeWindows.of(Duration.ofHours(1))).reduce(Long::sum).sinkTo(counts);

    run(env, "late feedback");

    assertThat(counts.values()).containsExactly(1L + 2 + 500);
  }

  /**
   * The head of a connected iteration has no input, so it marks itself idle: the watermark of the
   * two-input operator follows the input alone, and the first hour's window fires in a job that never
   * ends.
   */
  @Test
  void theHeadOfAConnectedIterationHoldsNoWatermarkBack() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IterativeStream.ConnectedIterativeStreams<Long, Long> loop =
        timedNumbers(env, 1, 2, 3, 7_200).iterate().withFeedbackType(Types.LONG);
    DataStream<Long> out = loop.map(new io.spate.api.functions.CoMapFunction<Long, Long, Long>() {
      @Override
      public Long map1(Long value) {
        return value;
      }

      @Override
      public Long map2(Long value) {
        return value;
      }
    });
    loop.closeWith(out.filter(v -> v < 0));
    RecordingSink<Long> sums = new RecordingSink<>();
    out.windowAll(TumblingEventTimeWindows.of(Duration.ofHours(1))).reduce(Long::sum).sinkTo(sums);

    assertThat(awaitWhileRunning(env.executeAsync("watermarks through a connected iteration"), sums, 1))
        .containsExactly(6L);
  }

  /**
   * A savepoint of an iterative job (checkpointing is refused at execute(), a savepoint can still be
   * asked for) fails naming the iteration, rather than leave out the records in the loop; the job runs on.
   */
  @Test
  void aSavepointOfAnIterativeJobFailsAndTheJobRunsOn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    // A source that gives its ten numbers and then runs on: savepoints need every task running.
    DataStream<Long> numbers = env.fromSequence(1, Long.MAX_VALUE).filter(v -> v <= 10);
    IterativeStream<Long> iteration = numbers.iterate();
    DataStream<Long> minusOne = iteration.map(v -> v - 1);
    iteration.closeWith(minusOne.filter(v -> v > 0));
    RecordingSink<Long> zeros = new RecordingSink<>();
    minusOne.filter(v -> v == 0).sinkTo(zeros);

    JobClient client = env.executeAsync("savepoint of a loop");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eSupport.JOB_TIMEOUT_SECONDS);
      while (zeros.values().size() < 10 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(zeros.values()).hasSize(10);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.triggerSavepoint(dir.toString())
              .get(E2eSupport.JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS))
          .hasStackTraceContaining("IterationSource-")
          .hasStackTraceContaining("is not checkpointed");
      assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    } finally {
      client.cancel().get(E2eSupport.JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
