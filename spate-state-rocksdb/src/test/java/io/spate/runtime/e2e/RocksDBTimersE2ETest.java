package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Event-time and processing-time timers of a keyed process function with keyed state and timers in
 * RocksDB: each timer fires once, in timestamp order per key, with its key's state; deleted timers
 * never fire.
 */
@ExtendWith(RocksDBBackendExtension.class)
class RocksDBTimersE2ETest {

  /** A reading of a sensor at an event time. */
  public record Reading(int sensor, long time) {}

  private static final int SENSORS = 20;
  private static final int READINGS = 40_000;

  /** When a reading's timer is due: soon for even sensors, after the last reading for odd ones. */
  static long due(Reading r) {
    return r.time() - r.time() % 100 + (r.sensor() % 2 == 0 ? 500 : 100_000);
  }

  /**
   * Per reading, sets an event-time timer (shared by the readings of a 100 ms step) and one that it
   * deletes again; on a timer, emits the key, the time and how many readings the key had by then.
   */
  static final class DueReadings extends KeyedProcessFunction<Integer, Reading, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
    }

    @Override
    public void processElement(Reading r, Context ctx, Collector<String> out) throws Exception {
      count.update(count.value() + 1);
      ctx.timerService().registerEventTimeTimer(due(r));
      ctx.timerService().registerEventTimeTimer(due(r) + 1);
      ctx.timerService().deleteEventTimeTimer(due(r) + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + " " + timestamp + " " + count.value());
    }
  }

  @Test
  void eventTimeTimersFireOnceInOrderWithTheirKeysState() throws Exception {
    List<Reading> readings = new ArrayList<>();
    for (int i = 0; i < READINGS; i++) {
      readings.add(new Reading(i % SENSORS, i));
    }
    Map<Integer, TreeSet<Long>> expected = new HashMap<>();
    for (Reading r : readings) {
      expected.computeIfAbsent(r.sensor(), k -> new TreeSet<>()).add(due(r));
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<String> out = collect(env.fromData(readings).setParallelism(1)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Reading>forMonotonousTimestamps()
            .withTimestampAssigner((r, ts) -> r.time()))
        .keyBy(Reading::sensor)
        .process(new DueReadings()));

    Map<Integer, List<Long>> firedPerSensor = new HashMap<>();
    for (String line : out) {
      String[] f = line.split(" ");
      int sensor = Integer.parseInt(f[0]);
      long time = Long.parseLong(f[1]);
      firedPerSensor.computeIfAbsent(sensor, s -> new ArrayList<>()).add(time);
      assertThat(time % 100).as("a deleted timer fired: %s", line).isZero();
      // The watermark passed the timer, so every reading of the sensor up to its time was counted;
      // a timer after the last reading fires at the end of input, with all of them.
      long readingsUpTo = time >= READINGS ? READINGS / SENSORS : (time - sensor) / SENSORS + 1;
      assertThat(Long.parseLong(f[2])).as("readings seen by %s", line).isGreaterThanOrEqualTo(readingsUpTo);
      if (time >= READINGS) {
        assertThat(Long.parseLong(f[2])).as("readings seen by %s", line).isEqualTo(readingsUpTo);
      }
    }
    assertThat(firedPerSensor).hasSize(SENSORS);
    firedPerSensor.forEach((sensor, times) -> {
      assertThat(times).as("sensor %d", sensor).isSorted().containsExactlyElementsOf(expected.get(sensor));
    });
  }

  static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
  static final AtomicInteger TIMED_RECORDS = new AtomicInteger();

  /**
   * For the first 200 records, sets a processing-time timer due at once (twice: one timer) and one
   * that it deletes again; on a timer, emits the key and the time.
   */
  static final class ProcessingTimers extends KeyedProcessFunction<Long, Long, String> {
    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      if (value >= 200) {
        return;
      }
      long now = ctx.timerService().currentProcessingTime();
      long even = now - now % 2 + 2;
      ctx.timerService().registerProcessingTimeTimer(even);
      ctx.timerService().registerProcessingTimeTimer(even);
      ctx.timerService().registerProcessingTimeTimer(even + 1);
      ctx.timerService().deleteProcessingTimeTimer(even + 1);
      REGISTERED.add(ctx.getCurrentKey() + " " + even);
      TIMED_RECORDS.incrementAndGet();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + " " + timestamp);
    }
  }

  @Test
  void processingTimeTimersFireOnceAndDeletedOnesNever() throws Exception {
    REGISTERED.clear();
    TIMED_RECORDS.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    E2eSupport.RecordingSink<String> sink = new E2eSupport.RecordingSink<>();
    // An endless, paced source: processing-time timers only fire while the job runs.
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(2000), Types.LONG),
            WatermarkStrategy.noWatermarks(), "paced")
        .setParallelism(1)
        .keyBy(x -> x % 10, Types.LONG)
        .process(new ProcessingTimers())
        .sinkTo(sink);
    JobClient client = env.executeAsync("processing-time timers on RocksDB");
    try {
      Await.until(Duration.ofSeconds(30), "all processing-time timers fired",
          () -> TIMED_RECORDS.get() == 200 && new HashSet<>(sink.values()).containsAll(REGISTERED));
    } finally {
      client.cancel().get(60, TimeUnit.SECONDS);
    }
    List<String> fired = sink.values();
    assertThat(new TreeSet<>(fired)).hasSize(fired.size()).isEqualTo(new TreeSet<>(REGISTERED));
    assertThat(fired).allMatch(f -> Long.parseLong(f.split(" ")[1]) % 2 == 0, "no deleted (odd) timer fired");
  }
}
