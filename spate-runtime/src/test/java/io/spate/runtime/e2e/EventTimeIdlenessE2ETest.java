package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.Collector;
import io.spate.runtime.e2e.ScriptedSource.Event;
import io.spate.runtime.e2e.ScriptedSource.Split;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Event-time timers of a {@link KeyedProcessFunction} behind a source with an idle split: the idle
 * split stops holding the timers back when the strategy has an idleness timeout, and holds them
 * back without one; bounded input fires every timer at its end.
 */
class EventTimeIdlenessE2ETest {

  /** Reports each record (marking it late if at or below the watermark) and fires a timer 100 after it. */
  static final class TimerEcho extends KeyedProcessFunction<String, Event, String> {
    private final String label;

    TimerEcho(String label) {
      this.label = label;
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) {
      boolean late = ctx.timestamp() <= ctx.timerService().currentWatermark();
      out.collect(label + " seen " + event.key() + "@" + ctx.timestamp() + (late ? " late" : ""));
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 100);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(label + " fire " + ctx.getCurrentKey() + "@" + timestamp);
    }
  }

  /**
   * A busy split that does not end before its gate is fully open (ending would end event time for
   * its subtask), and a quiet split with one event behind its gate.
   */
  private static List<Split> splits(String busyGate, String quietGate) {
    return List.of(
        new Split("busy", List.of(new Event("a", 1_000), new Event("b", 2_000), new Event("a", 3_000),
            new Event("z", 10_000)), busyGate),
        new Split("quiet", List.of(new Event("c", 500)), quietGate));
  }

  private static WatermarkStrategy<Event> monotonous() {
    return WatermarkStrategy.forMonotonousTimestamps();
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void anIdleSplitHoldsTimersBackOnlyWithoutAnIdlenessTimeout(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(5));
    String busyGate = ScriptedSource.newGate();
    String quietGate = ScriptedSource.newGate();
    ScriptedSource.openUpTo(busyGate, 10_000);
    Duration idleness = Duration.ofMillis(30);

    DataStream<String> idleAware = env.fromSource(new ScriptedSource(splits(busyGate, quietGate)),
            monotonous().withIdleness(idleness), "idle-aware")
        .keyBy(Event::key).process(new TimerEcho("X"));
    DataStream<String> holding = env.fromSource(new ScriptedSource(splits(busyGate, quietGate)), monotonous(), "holding")
        .keyBy(Event::key).process(new TimerEcho("Y"));
    DataStream<String> assigned = env.fromSource(new ScriptedSource(splits(busyGate, quietGate)),
            WatermarkStrategy.<Event>noWatermarks(), "no-watermarks")
        .assignTimestampsAndWatermarks(monotonous().withIdleness(idleness).withTimestampAssigner((e, ts) -> e.timestamp()))
        .keyBy(Event::key).process(new TimerEcho("Z"));

    E2eSupport.RecordingSink<String> sink = new E2eSupport.RecordingSink<>();
    idleAware.union(holding, assigned).sinkTo(sink);
    JobClient client = env.executeAsync("idleness");

    // With an idleness timeout the quiet split stops holding back: timers up to the busy split's
    // watermark fire while the quiet split has emitted nothing.
    Await.until(Duration.ofSeconds(E2eSupport.JOB_TIMEOUT_SECONDS),
        () -> "timers behind idle-aware sources to fire; output so far: " + sink.values(),
        () -> sink.values().contains("X fire a@3100") && sink.values().contains("Z fire a@3100"));
    assertThat(sink.values()).noneMatch(s -> s.startsWith("Y fire"));
    assertThat(sink.values()).doesNotContain("X fire z@10100", "Z fire z@10100");
    // The quiet split emits its record and ends while the busy one is idle (X, Z) or holds the
    // watermark at its last timestamp (Y); then the busy one ends.
    ScriptedSource.open(quietGate);
    Await.until(Duration.ofSeconds(E2eSupport.JOB_TIMEOUT_SECONDS), () -> "the quiet split's record; output: " + sink.values(),
        () -> sink.values().containsAll(List.of("X seen c@500 late", "Y seen c@500", "Z seen c@500 late")));
    ScriptedSource.open(busyGate);
    E2eSupport.awaitResult(client);

    assertThat(sink.values()).containsExactlyInAnyOrder(
        "X seen a@1000", "X seen b@2000", "X seen a@3000", "X seen z@10000",
        "X fire a@1100", "X fire b@2100", "X fire a@3100",
        "X seen c@500 late", "X fire c@600", "X fire z@10100",
        "Y seen a@1000", "Y seen b@2000", "Y seen a@3000", "Y seen z@10000",
        "Y seen c@500", "Y fire c@600", "Y fire a@1100", "Y fire b@2100", "Y fire a@3100", "Y fire z@10100",
        "Z seen a@1000", "Z seen b@2000", "Z seen a@3000", "Z seen z@10000",
        "Z fire a@1100", "Z fire b@2100", "Z fire a@3100",
        "Z seen c@500 late", "Z fire c@600", "Z fire z@10100");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void boundedInputFiresEveryTimerAtItsEnd(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    // Watermarks far behind the timers, and periodic emission off: only the end of input fires them.
    env.getConfig().setAutoWatermarkInterval(Duration.ZERO);
    List<Split> splits = List.of(
        new Split("s0", List.of(new Event("a", 5), new Event("b", 7)), null),
        new Split("s1", List.of(new Event("c", 1), new Event("a", 9)), null),
        new Split("s2", List.of(new Event("d", 3)), null));
    DataStream<String> out = env.fromSource(new ScriptedSource(splits),
            WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofHours(1)), "bounded")
        .keyBy(Event::key).process(new TimerEcho("B"));
    assertThat(E2eSupport.collect(out)).containsExactlyInAnyOrder(
        "B seen a@5", "B seen b@7", "B seen c@1", "B seen a@9", "B seen d@3",
        "B fire a@105", "B fire b@107", "B fire c@101", "B fire a@109", "B fire d@103");
  }

  @Test
  void aThrowingTimestampAssignerFailsTheJobNamingTheOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 100)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> {
          if (v == 42) {
            throw new IllegalArgumentException("no timestamp in record 42");
          }
          return v;
        })).name("stamp-assigner")
        .discard();
    Throwable thrown = catchThrowable(() -> env.execute("bad-assigner"));
    assertThat(thrown).isInstanceOf(JobExecutionException.class);
    assertThat(thrown.getMessage()).contains("bad-assigner").contains("stamp-assigner");
    assertThat(thrown.getCause()).hasMessage("no timestamp in record 42");
  }

  @Test
  void aThrowingTimestampAssignerInASourceFailsTheJobNamingTheSource() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSource(new ScriptedSource(List.of(new Split("s", List.of(new Event("a", 1)), null))),
            WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> {
              throw new IllegalStateException("cannot read the time of " + e.key());
            }), "stamped-source")
        .discard();
    Throwable thrown = catchThrowable(() -> env.execute("bad-source-assigner"));
    assertThat(thrown).isInstanceOf(JobExecutionException.class);
    assertThat(thrown.getMessage()).contains("stamped-source");
    assertThat(thrown.getCause()).hasMessage("cannot read the time of a");
  }
}
