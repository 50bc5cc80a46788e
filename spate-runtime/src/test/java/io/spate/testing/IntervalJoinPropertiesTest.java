package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The interval join against a brute-force nested loop over all pairs: with watermarks that never
 * make a record late, exactly the pairs within the bounds join; with arbitrary watermarks, a pair
 * joins exactly when neither record was late and the earlier one was still buffered when the later
 * one arrived.
 */
class IntervalJoinPropertiesTest {

  /** An input record: which side, its key, timestamp, and arrival index. */
  record In(boolean left, int key, long ts, int id) {}

  static final OutputTag<In> LATE_LEFT = new OutputTag<>("late-left") {};
  static final OutputTag<In> LATE_RIGHT = new OutputTag<>("late-right") {};

  static final class IdJoin extends ProcessJoinFunction<In, In, String> {
    @Override
    public void processElement(In left, In right, Context ctx, Collector<String> out) {
      out.collect(left.id() + "+" + right.id() + "@" + ctx.getTimestamp());
    }
  }

  private static Gen<List<In>> inputs() {
    Gen<In> one = booleans().all().zip(integers().between(0, 2), longs().between(0, 60),
        (left, key, ts) -> new In(left, key, ts, 0));
    return ShrinkingLists.of(one, 0, 40).map(list -> {
      List<In> numbered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        In r = list.get(i);
        numbered.add(new In(r.left(), r.key(), r.ts(), i));
      }
      return numbered;
    });
  }

  private static TwoInputTestHarness<In, In, String> harness(long lower, boolean lowerIncl, long upper, boolean upperIncl) {
    return TestHarnesses.forIntervalJoin(new IdJoin(), In::key, In::key, Duration.ofMillis(lower), lowerIncl,
        Duration.ofMillis(upper), upperIncl, LATE_LEFT, LATE_RIGHT);
  }

  private static void feed(TwoInputTestHarness<In, In, String> h, In r) throws Exception {
    if (r.left()) {
      h.processElement1(r, r.ts());
    } else {
      h.processElement2(r, r.ts());
    }
  }

  /** The join's bounds: {@code [lower, lower + width]}, each end inclusive or not. */
  record Bounds(int lower, int width, boolean lowerIncl, boolean upperIncl) {}

  @Test
  void withoutLateDataExactlyThePairsWithinTheBoundsJoin() {
    Gen<Bounds> bounds = integers().between(-15, 15)
        .zip(integers().between(0, 20), booleans().all(), booleans().all(), Bounds::new);
    qt().withExamples(300).forAll(inputs(), bounds)
        .checkAssert((records, b) -> CheckedLaw.check(() -> withoutLateDataExactlyThePairsWithinTheBoundsJoin(
            records, b.lower(), b.width(), b.lowerIncl(), b.upperIncl())));
  }

  private static void withoutLateDataExactlyThePairsWithinTheBoundsJoin(List<In> records, int lower, int width,
      boolean lowerIncl, boolean upperIncl) throws Exception {
    int upper = lower + width;
    long lo = lowerIncl ? lower : lower + 1;
    long hi = upperIncl ? upper : upper - 1;
    var h = harness(lower, lowerIncl, upper, upperIncl);
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < records.size(); i++) {
      feed(h, records.get(i));
      long minRest = Long.MAX_VALUE;
      for (int j = i + 1; j < records.size(); j++) {
        minRest = Math.min(minRest, records.get(j).ts());
      }
      if (minRest != Long.MAX_VALUE && minRest - 1 > watermark) {
        watermark = minRest - 1;
        h.processWatermark(watermark);
      }
    }
    h.processWatermark(Long.MAX_VALUE);

    List<String> expected = new ArrayList<>();
    for (In l : records) {
      for (In r : records) {
        if (l.left() && !r.left() && l.key() == r.key() && r.ts() >= l.ts() + lo && r.ts() <= l.ts() + hi) {
          expected.add(l.id() + "+" + r.id() + "@" + Math.max(l.ts(), r.ts()));
        }
      }
    }
    assertThat(h.extractOutputValues()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(h.getSideOutput(LATE_LEFT)).isEmpty();
    assertThat(h.getSideOutput(LATE_RIGHT)).isEmpty();
  }

  @Test
  void withArbitraryWatermarksLateRecordsAndCleanedBuffersDoNotJoin() {
    qt().withExamples(300).forAll(inputs(), watermarkSteps(), integers().between(-15, 15), integers().between(0, 20))
        .checkAssert((records, steps, lower, width) -> CheckedLaw.check(
            () -> withArbitraryWatermarksLateRecordsAndCleanedBuffersDoNotJoin(records, steps, lower, width)));
  }

  private static void withArbitraryWatermarksLateRecordsAndCleanedBuffersDoNotJoin(List<In> records,
      List<Integer> steps, int lower, int width) throws Exception {
    int upper = lower + width;
    var h = harness(lower, true, upper, true);
    long[] watermarkAtArrival = new long[records.size()];
    // The record after which the watermark in force at each arrival was emitted (-1: none yet).
    int[] watermarkEmittedAfter = new int[records.size()];
    long watermark = Long.MIN_VALUE;
    int lastEmission = -1;
    for (int i = 0; i < records.size(); i++) {
      In r = records.get(i);
      watermarkAtArrival[i] = watermark;
      watermarkEmittedAfter[i] = lastEmission;
      feed(h, r);
      int step = i < steps.size() ? steps.get(i) : 0;
      if (step > 0) {
        watermark = watermark == Long.MIN_VALUE ? r.ts() - 20 + step : watermark + step;
        h.processWatermark(watermark);
        lastEmission = i;
      }
    }

    List<String> expected = new ArrayList<>();
    List<In> lateLeft = new ArrayList<>();
    List<In> lateRight = new ArrayList<>();
    for (In r : records) {
      if (late(r, watermarkAtArrival)) {
        (r.left() ? lateLeft : lateRight).add(r);
      }
    }
    for (In l : records) {
      for (In r : records) {
        if (!l.left() || r.left() || l.key() != r.key() || r.ts() < l.ts() + lower || r.ts() > l.ts() + upper
            || late(l, watermarkAtArrival) || late(r, watermarkAtArrival)) {
          continue;
        }
        In earlier = l.id() < r.id() ? l : r;
        In later = l.id() < r.id() ? r : l;
        long cleanup = earlier.left()
            ? (upper > 0 ? earlier.ts() + upper : earlier.ts())
            : (lower < 0 ? earlier.ts() - lower : earlier.ts());
        long seenByLater = watermarkAtArrival[later.id()];
        // The cleanup timer fires with a watermark processed after the earlier record came, as
        // Flink's timers do: one set at or below the watermark in force waits for the next watermark.
        boolean stillBuffered = seenByLater == Long.MIN_VALUE || seenByLater < cleanup
            || watermarkEmittedAfter[later.id()] < earlier.id();
        if (stillBuffered) {
          expected.add(l.id() + "+" + r.id() + "@" + Math.max(l.ts(), r.ts()));
        }
      }
    }
    assertThat(h.extractOutputValues()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(h.getSideOutput(LATE_LEFT)).containsExactlyElementsOf(lateLeft);
    assertThat(h.getSideOutput(LATE_RIGHT)).containsExactlyElementsOf(lateRight);
  }

  private static boolean late(In r, long[] watermarkAtArrival) {
    long w = watermarkAtArrival[r.id()];
    return w != Long.MIN_VALUE && r.ts() < w;
  }

  private static Gen<List<Integer>> watermarkSteps() {
    return ShrinkingLists.of(integers().between(0, 6), 0, 40);
  }
}
