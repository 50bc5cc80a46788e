package io.spate.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sliding windows computed from slices in a running job, against a brute-force model. */
class SlicingWindowJobTest {

  /** A keyed record with its event time. */
  public record Reading(int sensor, long time, long value) {}

  /** A window result. */
  public record Result(int sensor, long start, long end, long sum, long count) {}

  /** Sum and count in one immutable accumulator. */
  public record SumCount(long sum, long count) {}

  /** Sums the values of a window. */
  public static final class SumCountAggregate implements AggregateFunction<Reading, SumCount, SumCount> {
    @Override
    public SumCount createAccumulator() {
      return new SumCount(0, 0);
    }

    @Override
    public SumCount add(Reading value, SumCount acc) {
      return new SumCount(acc.sum() + value.value(), acc.count() + 1);
    }

    @Override
    public SumCount getResult(SumCount acc) {
      return acc;
    }

    @Override
    public SumCount merge(SumCount a, SumCount b) {
      return new SumCount(a.sum() + b.sum(), a.count() + b.count());
    }
  }

  /** Names the window of a result. */
  public static final class ToResult extends ProcessWindowFunction<SumCount, Result, Integer, TimeWindow> {
    @Override
    public void process(Integer sensor, Context ctx, Iterable<SumCount> elements, Collector<Result> out) {
      SumCount sc = elements.iterator().next();
      out.collect(new Result(sensor, ctx.window().getStart(), ctx.window().getEnd(), sc.sum(), sc.count()));
    }
  }

  @ParameterizedTest(name = "parallelism {0}, size {1}, slide {2}, offset {3}, {4}")
  @CsvSource({
      "1, 10, 2, 0, STREAMING",
      "2, 10, 4, 1, STREAMING",
      "3, 9, 6, -2, STREAMING",
      "4, 7, 7, 3, STREAMING",
      "2, 12, 5, 0, BATCH",
      "4, 15, 10, 4, BATCH"})
  void matchesTheBruteForceModel(int parallelism, long size, long slide, long offset, RuntimeExecutionMode mode)
      throws Exception {
    Random random = new Random(parallelism * 31L + size * 7 + slide);
    List<Reading> input = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      // out of order by up to 20 ms, some negative times
      long time = i / 10 - 40 + random.nextInt(21) - 20;
      input.add(new Reading(random.nextInt(13), time, random.nextInt(100)));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setRuntimeMode(mode);
    List<Result> actual = new ArrayList<>();
    try (CloseableIterator<Result> it = env.fromData(input).setParallelism(1)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofMillis(25))
            .withTimestampAssigner((r, ts) -> r.time()))
        .keyBy(Reading::sensor)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset)))
        .aggregate(new SumCountAggregate(), new ToResult())
        .executeAndCollect()) {
      it.forEachRemaining(actual::add);
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(model(input, size, slide, offset));
  }

  /** Every window of every record, enumerated from the definition: start = offset + k * slide. */
  private static List<Result> model(List<Reading> input, long size, long slide, long offset) {
    java.util.Map<List<Long>, long[]> windows = new java.util.TreeMap<>((a, b) -> {
      for (int i = 0; i < 3; i++) {
        int c = Long.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    for (Reading r : input) {
      for (long k = Math.floorDiv(r.time() - offset - size, slide) - 1; offset + k * slide <= r.time(); k++) {
        long start = offset + k * slide;
        if (start <= r.time() && r.time() < start + size) {
          long[] sc = windows.computeIfAbsent(List.of((long) r.sensor(), start, start + size), w -> new long[2]);
          sc[0] += r.value();
          sc[1]++;
        }
      }
    }
    List<Result> results = new ArrayList<>();
    windows.forEach((w, sc) -> results.add(new Result(w.get(0).intValue(), w.get(1), w.get(2), sc[0], sc[1])));
    return results;
  }
}
