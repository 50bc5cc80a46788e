package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.BoundedOutOfOrdernessWatermarks;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.TimestampAssignerSupplier;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkGeneratorSupplier;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AscendingTimestampExtractor;
import io.spate.api.functions.AssignerWithPunctuatedWatermarks;
import io.spate.api.functions.BoundedOutOfOrdernessTimestampExtractor;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Jobs written the way Flink 1.20 programs write event time ({@code Time.seconds(5)}, {@code
 * forGenerator(ctx -> ...)}, strategies as classes of their own, the legacy assigners), run on the
 * local cluster and compared with results computed here in plain Java by Flink's rules.
 */
@SuppressWarnings("deprecation")
class FlinkTimeApiE2ETest {

  /** An event as a Flink POJO: public fields and a no-argument constructor. */
  public static class Event {
    public String key;
    public long value;
    public long time;

    public Event() {}

    Event(String key, long value, long time) {
      this.key = key;
      this.value = value;
      this.time = time;
    }
  }

  /** The sum of one key's window. */
  public record Result(String key, long start, long end, long sum) {}

  /** Sums a window's values and names it. */
  public static final class SumPerWindow extends ProcessWindowFunction<Event, Result, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<Event> events, Collector<Result> out) {
      long sum = 0;
      for (Event event : events) {
        sum += event.value;
      }
      out.collect(new Result(key, context.window().getStart(), context.window().getEnd(), sum));
    }
  }

  /** A punctuated generator: after each event, the highest timestamp so far minus one. */
  public static final class MaxMinusOneEveryEvent implements WatermarkGenerator<Event> {
    private long max = Long.MIN_VALUE;

    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      max = Math.max(max, eventTimestamp);
      output.emitWatermark(new Watermark(max - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** A strategy as a class of its own: the event's time, watermarks 2 s behind. */
  public static final class TwoSecondsLate implements WatermarkStrategy<Event> {
    private static final long serialVersionUID = 1L;

    @Override
    public WatermarkGenerator<Event> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
      return new BoundedOutOfOrdernessWatermarks<>(Duration.ofSeconds(2));
    }

    @Override
    public TimestampAssigner<Event> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
      return (event, recordTimestamp) -> event.time;
    }
  }

  /** The legacy bounded extractor, 2 s out of order allowed. */
  public static final class LegacyTwoSecondsLate extends BoundedOutOfOrdernessTimestampExtractor<Event> {
    private static final long serialVersionUID = 1L;

    public LegacyTwoSecondsLate() {
      super(Time.seconds(2));
    }

    @Override
    public long extractTimestamp(Event event) {
      return event.time;
    }
  }

  /** The legacy punctuated assigner: after each event, the highest timestamp so far minus one. */
  public static final class LegacyMaxMinusOne implements AssignerWithPunctuatedWatermarks<Event> {
    private static final long serialVersionUID = 1L;
    private long max = Long.MIN_VALUE;

    @Override
    public long extractTimestamp(Event event, long recordTimestamp) {
      return event.time;
    }

    @Override
    public Watermark checkAndGetNextWatermark(Event lastElement, long extractedTimestamp) {
      max = Math.max(max, extractedTimestamp);
      return new Watermark(max - 1);
    }
  }

  /** The legacy ascending extractor. */
  public static final class LegacyAscending extends AscendingTimestampExtractor<Event> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractAscendingTimestamp(Event event) {
      return event.time;
    }
  }

  /** Event i: key k(i % 3), value i; mostly 50 ms apart, some far behind (late, or late within 1 s). */
  private static List<Event> outOfOrderEvents() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      long jitter = i % 17 == 0 ? -7_000 : i % 11 == 0 ? -1_500 : (i * 37L) % 300;
      events.add(new Event("k" + (i % 3), i, i * 50L + jitter));
    }
    return events;
  }

  /** Event i: key k(i % 3), value i, at most 1.9 s out of order. */
  private static List<Event> boundedEvents() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      events.add(new Event("k" + (i % 3), i, i * 50L + (i * 7919L) % 1_900));
    }
    return events;
  }

  /** Event i: key k(i % 3), value i, ascending, with a 2 s pause every 50 events. */
  private static List<Event> ascendingEvents() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      events.add(new Event("k" + (i % 3), i, i * 100L + (i / 50) * 2_000L));
    }
    return events;
  }

  /**
   * Tumbling event-time windows by Flink's rules, the watermark being the highest timestamp before
   * each event minus one: an event is dropped when its window's end - 1 + lateness is at or below
   * the watermark; a window fires when the watermark reaches its end - 1, again for each event that
   * arrives within the lateness, and at the end of input if it never did.
   */
  private static List<Result> tumblingModel(List<Event> events, long size, long lateness) {
    Map<String, Long> sums = new HashMap<>();
    List<Result> out = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    for (Event event : events) {
      long start = Math.floorDiv(event.time, size) * size;
      long maxTimestamp = start + size - 1;
      if (maxTimestamp + lateness > watermark) {
        String window = event.key + "@" + start;
        long sum = sums.merge(window, event.value, Long::sum);
        if (maxTimestamp <= watermark) {
          out.add(new Result(event.key, start, start + size, sum));
        }
      }
      long next = Math.max(watermark, event.time - 1);
      firePassed(sums, size, watermark, next, out);
      watermark = next;
    }
    firePassed(sums, size, watermark, Long.MAX_VALUE, out);
    return out;
  }

  private static void firePassed(Map<String, Long> sums, long size, long from, long to, List<Result> out) {
    for (Map.Entry<String, Long> entry : sums.entrySet()) {
      String[] window = entry.getKey().split("@");
      long start = Long.parseLong(window[1]);
      if (start + size - 1 > from && start + size - 1 <= to) {
        out.add(new Result(window[0], start, start + size, entry.getValue()));
      }
    }
  }

  /** Every window (tumbling when slide == size) with its full sum: for inputs where nothing is late. */
  private static List<Result> completeWindows(List<Event> events, long size, long slide) {
    Map<String, Long> sums = new TreeMap<>();
    for (Event event : events) {
      long last = Math.floorDiv(event.time, slide) * slide;
      for (long start = last; start > event.time - size; start -= slide) {
        sums.merge(event.key + "@" + start, event.value, Long::sum);
      }
    }
    List<Result> out = new ArrayList<>();
    sums.forEach((window, sum) -> {
      String[] parts = window.split("@");
      long start = Long.parseLong(parts[1]);
      out.add(new Result(parts[0], start, start + size, sum));
    });
    return out;
  }

  /** Sessions per key of events in time order: a gap of at least {@code gap} starts a new one. */
  private static List<Result> sessions(List<Event> events, long gap) {
    Map<String, List<Event>> byKey = new TreeMap<>();
    events.forEach(event -> byKey.computeIfAbsent(event.key, k -> new ArrayList<>()).add(event));
    List<Result> out = new ArrayList<>();
    byKey.forEach((key, keyed) -> {
      Iterator<Event> it = keyed.iterator();
      Event first = it.next();
      long start = first.time;
      long last = first.time;
      long sum = first.value;
      while (it.hasNext()) {
        Event event = it.next();
        if (event.time - last >= gap) {
          out.add(new Result(key, start, last + gap, sum));
          start = event.time;
          sum = 0;
        }
        last = event.time;
        sum += event.value;
      }
      out.add(new Result(key, start, last + gap, sum));
    });
    return out;
  }

  private static StreamExecutionEnvironment env() {
    // One source subtask and one assigner: the watermark seen by each event is what the model assumes.
    return StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
  }

  @Test
  void aFlinkShapedJobWithTimeAndAllowedLatenessGivesFlinksWindows() throws Exception {
    List<Event> input = outOfOrderEvents();
    StreamExecutionEnvironment env = env();
    // the snippet of docs/event-time-and-windows.md
    DataStream<Event> events = env.fromCollection(input)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(ctx -> new MaxMinusOneEveryEvent())
            .withTimestampAssigner((event, timestamp) -> event.time));
    DataStream<Result> sums = events
        .keyBy(event -> event.key)
        .window(TumblingEventTimeWindows.of(Time.seconds(5)))
        .allowedLateness(Time.seconds(1))
        .process(new SumPerWindow());

    List<Result> expected = tumblingModel(input, 5_000, 1_000);
    assertThat(expected.size()).as("the input has late firings").isGreaterThan(completeWindows(input, 5_000, 5_000)
        .size());
    assertThat(collect(sums)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aStrategyImplementedAsAClassDrivesSlidingWindowsOfTime() throws Exception {
    List<Event> events = boundedEvents();
    StreamExecutionEnvironment env = env();
    DataStream<Result> sums = env.fromCollection(events)
        .assignTimestampsAndWatermarks(new TwoSecondsLate())
        .keyBy(event -> event.key)
        .window(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5)))
        .process(new SumPerWindow());
    assertThat(collect(sums)).containsExactlyInAnyOrderElementsOf(completeWindows(events, 10_000, 5_000));
  }

  @Test
  void theLegacyBoundedExtractorAssignsTimestampsForWindows() throws Exception {
    List<Event> events = boundedEvents();
    StreamExecutionEnvironment env = env();
    env.getConfig().setAutoWatermarkInterval(10L);
    DataStream<Result> sums = env.fromCollection(events)
        .assignTimestampsAndWatermarks(new LegacyTwoSecondsLate())
        .keyBy(event -> event.key)
        .window(TumblingEventTimeWindows.of(Time.seconds(5)))
        .process(new SumPerWindow());
    assertThat(collect(sums)).containsExactlyInAnyOrderElementsOf(completeWindows(events, 5_000, 5_000));
  }

  @Test
  void theLegacyPunctuatedAssignerMakesLateEventsLateAsInFlink() throws Exception {
    List<Event> events = outOfOrderEvents();
    StreamExecutionEnvironment env = env();
    DataStream<Result> sums = env.fromCollection(events)
        .assignTimestampsAndWatermarks(new LegacyMaxMinusOne())
        .keyBy(event -> event.key)
        .window(TumblingEventTimeWindows.of(Time.seconds(5)))
        .process(new SumPerWindow());
    List<Result> expected = tumblingModel(events, 5_000, 0);
    assertThat(expected.stream().mapToLong(Result::sum).sum()).as("late events are left out")
        .isLessThan(events.stream().mapToLong(event -> event.value).sum());
    assertThat(collect(sums)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theLegacyAscendingExtractorDrivesSessionWindowsWithATimeGap() throws Exception {
    List<Event> events = ascendingEvents();
    StreamExecutionEnvironment env = env();
    DataStream<Result> sums = env.fromCollection(events)
        .assignTimestampsAndWatermarks(new LegacyAscending())
        .keyBy(event -> event.key)
        .window(EventTimeSessionWindows.withGap(Time.seconds(1)))
        .process(new SumPerWindow());
    List<Result> expected = sessions(events, 1_000);
    assertThat(expected).hasSize(3 * 12);
    assertThat(collect(sums)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void anIntervalJoinBetweenTimesPairsWhatTheNestedLoopPairs() throws Exception {
    List<Event> left = ascendingEvents();
    List<Event> right = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      right.add(new Event("k" + (i % 3), 10_000 + i, i * 230L));
    }
    StreamExecutionEnvironment env = env();
    WatermarkStrategy<Event> byTime = WatermarkStrategy.<Event>forMonotonousTimestamps()
        .withTimestampAssigner((event, timestamp) -> event.time);
    DataStream<String> pairs = env.fromCollection(left).assignTimestampsAndWatermarks(byTime)
        .keyBy(event -> event.key)
        .intervalJoin(env.fromCollection(right).assignTimestampsAndWatermarks(byTime).keyBy(event -> event.key))
        .between(Time.milliseconds(-150), Time.milliseconds(50))
        .process(new ProcessJoinFunction<Event, Event, String>() {
          @Override
          public void processElement(Event l, Event r, Context ctx, Collector<String> out) {
            out.collect(l.value + "-" + r.value);
          }
        });
    List<String> expected = new ArrayList<>();
    for (Event l : left) {
      for (Event r : right) {
        if (l.key.equals(r.key) && r.time >= l.time - 150 && r.time <= l.time + 50) {
          expected.add(l.value + "-" + r.value);
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(collect(pairs)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
