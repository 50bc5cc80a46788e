package io.spate.api.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WatermarkStrategy} as Flink users write it: implemented by their own classes, built from
 * lambdas that take a context, and combined with assigners, idleness and alignment; each combination
 * survives the serialization that copies it to every parallel instance.
 */
class WatermarkStrategyInterfaceTest {

  record Event(String key, long time) {}

  /** A punctuated generator, as a user writes one. */
  static final class EveryEventWatermarks implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** A strategy implemented as a class of its own, as Flink users do. */
  static final class EventTimeStrategy implements WatermarkStrategy<Event> {
    private static final long serialVersionUID = 1L;

    @Override
    public WatermarkGenerator<Event> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
      return new EveryEventWatermarks();
    }

    @Override
    public TimestampAssigner<Event> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
      return (event, recordTimestamp) -> event.time();
    }
  }

  private static final StrategyContext CONTEXT = StrategyContext.unregistered(() -> 0L);

  private static List<Object> run(WatermarkStrategy<Event> strategy, Event... events) {
    TimestampAssigner<Event> assigner = strategy.createTimestampAssigner(CONTEXT);
    WatermarkGenerator<Event> generator = strategy.createWatermarkGenerator(CONTEXT);
    WatermarkStrategyTest.Recorded out = new WatermarkStrategyTest.Recorded();
    for (Event event : events) {
      long timestamp = assigner.extractTimestamp(event, 7L);
      out.out.add("ts " + timestamp);
      generator.onEvent(event, timestamp, out);
    }
    generator.onPeriodicEmit(out);
    return out.out;
  }

  @SuppressWarnings("unchecked")
  private static <S> S copy(S object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (S) in.readObject();
    }
  }

  @Test
  void aUserClassImplementingTheStrategyGivesTimestampsAndWatermarks() throws Exception {
    WatermarkStrategy<Event> strategy = copy(new EventTimeStrategy());
    assertThat(run(strategy, new Event("a", 100), new Event("b", 250)))
        .containsExactly("ts 100", 100L, "ts 250", 250L);
    assertThat(strategy.isNoWatermarks()).isFalse();
    assertThat(strategy.getAlignmentParameters()).isNull();
    assertThat(strategy.getIdleTimeout()).isNull();
  }

  @Test
  void forGeneratorTakesALambdaOfTheContextAndALambdaAssigner() throws Exception {
    WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>forGenerator(ctx -> new EveryEventWatermarks())
        .withTimestampAssigner((event, timestamp) -> event.time());
    assertThat(run(copy(strategy), new Event("a", 5), new Event("a", 9))).containsExactly("ts 5", 5L, "ts 9", 9L);
  }

  @Test
  void forGeneratorStillTakesAGeneratorWithoutContext() throws Exception {
    WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>forGenerator(EveryEventWatermarks::new);
    assertThat(run(copy(strategy), new Event("a", 5))).as("without an assigner records keep their timestamps")
        .containsExactly("ts 7", 7L);
  }

  @Test
  void theGeneratorSeesTheMetricGroupAndClockOfItsContext() {
    MetricGroup metrics = new UnregisteredMetricsGroup();
    MetricGroup[] seen = new MetricGroup[2];
    long[] clock = new long[1];
    WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>forGenerator(ctx -> {
      seen[0] = ctx.getMetricGroup();
      clock[0] = ctx.getInputActivityClock().relativeTimeMillis();
      return new EveryEventWatermarks();
    }).withTimestampAssigner(ctx -> {
      seen[1] = ctx.getMetricGroup();
      return (event, timestamp) -> event.time();
    });
    StrategyContext context = new StrategyContext(metrics, () -> 42L);
    strategy.createWatermarkGenerator(context);
    strategy.createTimestampAssigner(context);
    assertThat(seen).containsExactly(metrics, metrics);
    assertThat(clock[0]).isEqualTo(42L);
  }

  @Test
  void timestampAssignerSupplierOfHandsOutTheAssigner() throws Exception {
    SerializableTimestampAssigner<Event> assigner = (event, timestamp) -> event.time() * 2;
    WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>forMonotonousTimestamps()
        .withTimestampAssigner(TimestampAssignerSupplier.of(assigner));
    assertThat(run(copy(strategy), new Event("a", 10), new Event("a", 20)))
        .containsExactly("ts 20", "ts 40", 39L);
  }

  @Test
  void theBuiltInStrategiesUseFlinksGenerators() {
    assertThat(WatermarkStrategy.<Event>forMonotonousTimestamps().createWatermarkGenerator(CONTEXT))
        .isInstanceOf(AscendingTimestampsWatermarks.class);
    assertThat(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(1))
        .createWatermarkGenerator(CONTEXT)).isInstanceOf(BoundedOutOfOrdernessWatermarks.class);
    assertThat(WatermarkStrategy.<Event>noWatermarks().createWatermarkGenerator(CONTEXT))
        .isInstanceOf(NoWatermarksGenerator.class);
    assertThat(WatermarkStrategy.<Event>noWatermarks().createTimestampAssigner(CONTEXT))
        .isInstanceOf(RecordTimestampAssigner.class);
  }

  @Test
  void boundedOutOfOrdernessTrailsTheHighestTimestampByTheBoundMinusOne() throws Exception {
    WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
        .withTimestampAssigner((event, timestamp) -> event.time());
    assertThat(run(copy(strategy), new Event("a", 1_000), new Event("a", 900)))
        .containsExactly("ts 1000", "ts 900", 899L);
  }

  @Test
  void everyWrapperKeepsWhatTheOthersAdded() throws Exception {
    WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>noWatermarks()
        .withIdleness(Duration.ofSeconds(3))
        .withWatermarkAlignment("g", Duration.ofSeconds(2))
        .withTimestampAssigner((event, timestamp) -> event.time());
    WatermarkStrategy<Event> copy = copy(strategy);
    assertThat(copy.isNoWatermarks()).as("idleness around no watermarks still emits none").isTrue();
    assertThat(copy.getIdleTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(copy.getAlignmentParameters())
        .isEqualTo(new WatermarkAlignmentParams("g", Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThat(copy.getTimestampAssigner().extractTimestamp(new Event("a", 77), 1L)).isEqualTo(77L);
    assertThat(copy.createWatermarkGenerator(CONTEXT)).isInstanceOf(WatermarksWithIdleness.class);
    WatermarkStrategy<Event> assignerFirst = WatermarkStrategy.<Event>forMonotonousTimestamps()
        .withTimestampAssigner((event, timestamp) -> event.time())
        .withIdleness(Duration.ofSeconds(3));
    assertThat(run(copy(assignerFirst), new Event("a", 50))).containsExactly("ts 50", 49L);
  }

  @Test
  void idlenessIsMeasuredOnTheInputActivityClockOfTheContext() {
    long[] now = {0};
    WatermarkGenerator<String> generator = WatermarkStrategy.<String>forMonotonousTimestamps()
        .withIdleness(Duration.ofMillis(100)).createWatermarkGenerator(StrategyContext.unregistered(() -> now[0]));
    WatermarkStrategyTest.Recorded out = new WatermarkStrategyTest.Recorded();
    generator.onEvent("a", 10, out);
    generator.onPeriodicEmit(out);
    now[0] = 100;
    generator.onPeriodicEmit(out);
    assertThat(out.out).containsExactly(9L, "idle");
  }

  @Test
  void withoutAnAssignerTheRuntimeKeepsTheRecordsTimestamps() {
    assertThat(WatermarkStrategy.<Event>forMonotonousTimestamps().getTimestampAssigner()).isNull();
    assertThat(new EventTimeStrategy().getTimestampAssigner()).isNotNull();
  }

  @Test
  void rejectsMissingSuppliersAndAssignersByName() {
    assertThatThrownBy(() -> WatermarkStrategy.forGenerator((WatermarkGeneratorSupplier<Event>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("forGenerator: the watermark generator supplier must not be null.");
    WatermarkStrategy<Event> strategy = WatermarkStrategy.forMonotonousTimestamps();
    assertThatThrownBy(() -> strategy.withTimestampAssigner((SerializableTimestampAssigner<Event>) null))
        .hasMessage("withTimestampAssigner: the timestamp assigner must not be null.");
    assertThatThrownBy(() -> strategy.withTimestampAssigner((TimestampAssignerSupplier<Event>) null))
        .hasMessage("withTimestampAssigner: the timestamp assigner supplier must not be null.");
    assertThatThrownBy(() -> TimestampAssignerSupplier.of(null))
        .hasMessage("TimestampAssignerSupplier.of: the timestamp assigner must not be null.");
  }
}
