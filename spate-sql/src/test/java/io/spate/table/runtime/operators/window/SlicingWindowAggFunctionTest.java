package io.spate.table.runtime.operators.window;

import static io.spate.table.runtime.operators.window.WindowTestRows.at;
import static io.spate.table.runtime.operators.window.WindowTestRows.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.types.logical.IntType;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.AggFunctions;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sliced window aggregate (one accumulator per slice, merged when a window fires) emits what a
 * plain per-window computation emits, window by window as the watermark passes, on random inputs
 * with rows out of order and late.
 */
class SlicingWindowAggFunctionTest {

  /** The windows the property runs over, one per generated choice. */
  private static final List<Windows> SPECS = List.of(
      new Windows("TUMBLE", 50, 50, 0),
      new Windows("HOP", 60, 20, 0),
      new Windows("HOP", 100, 25, 10),
      new Windows("CUMULATE", 40, 10, 0),
      new Windows("CUMULATE", 60, 15, 5));

  /** Windows of a kind by their definition: size, slide (or step) and offset in milliseconds. */
  record Windows(String kind, long size, long slide, long offset) {
    WindowSpec spec() {
      return switch (kind) {
        case "TUMBLE" -> WindowSpec.tumble(size, offset);
        case "HOP" -> WindowSpec.hop(slide, size, offset);
        default -> WindowSpec.cumulate(slide, size, offset);
      };
    }

    /** The windows [start, end) that hold {@code time}, from the definitions, not from slices. */
    List<long[]> of(long time) {
      List<long[]> windows = new ArrayList<>();
      if (kind.equals("CUMULATE")) {
        long start = time - Math.floorMod(time - offset, size);
        for (long end = start + slide; end <= start + size; end += slide) {
          if (end > time) {
            windows.add(new long[] {start, end});
          }
        }
      } else {
        for (long start = time - Math.floorMod(time - offset, slide); start > time - size; start -= slide) {
          windows.add(new long[] {start, start + size});
        }
      }
      return windows;
    }
  }

  @Test
  void slicedWindowsEmitWhatAPerWindowComputationEmits() {
    qt().withExamples(300).forAll(integers().between(0, SPECS.size() - 1),
        lists().of(integers().between(0, 9_999)).ofSizeBetween(0, 60)).checkAssert((spec, events) -> {
          try {
            assertSlicedEqualsPerWindow(SPECS.get(spec), events);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aRowAllOfWhoseWindowsFiredIsDroppedAndOneWithOpenWindowsCountsInThem() throws Exception {
    WindowSpec hop = WindowSpec.hop(5, 10, 0);
    OneInputTestHarness<Row, Row> harness = harness(hop);
    harness.processElement(sliced(hop, 0, 3, 1)); // windows [-5, 5) and [0, 10)
    harness.processWatermark(9); // both fire
    harness.processElement(sliced(hop, 0, 4, 100)); // late for both: dropped
    harness.processElement(sliced(hop, 0, 7, 10)); // [0, 10) fired, [5, 15) open
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).map(Row::toString).containsExactly(
        result(-5, 5, 0, 1, 1, 1), result(0, 10, 0, 1, 1, 1), result(5, 15, 0, 1, 10, 10));
  }

  private static void assertSlicedEqualsPerWindow(Windows windows, List<Integer> events) throws Exception {
    WindowSpec spec = windows.spec();
    OneInputTestHarness<Row, Row> harness = harness(spec);
    PerWindow expected = new PerWindow(windows);
    long watermark = Long.MIN_VALUE;
    long clock = 0;
    for (int event : events) {
      if (event % 5 == 0) {
        clock += event / 50;
        watermark = clock;
        harness.processWatermark(watermark);
        expected.fire(watermark);
        assertThat(sorted(harness.extractOutputValues())).as("after watermark %d", watermark)
            .isEqualTo(sorted(expected.emitted));
      } else {
        long time = clock + event % 400 - 100;
        int key = event % 3;
        long value = event % 97;
        harness.processElement(sliced(spec, key, time, value));
        expected.add(key, time, value, watermark);
      }
    }
    harness.processWatermark(Long.MAX_VALUE);
    expected.fire(Long.MAX_VALUE);
    assertThat(sorted(harness.extractOutputValues())).isEqualTo(sorted(expected.emitted));
    harness.close();
  }

  /** COUNT(*), SUM(value), MAX(value) per key and window; rows are (key, value, time) and their slice. */
  private static OneInputTestHarness<Row, Row> harness(WindowSpec spec) throws Exception {
    AggFunction[] aggs = {
      AggFunctions.count(-1, -1),
      AggFunctions.sum(1, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false),
      AggFunctions.minOrMax(1, -1, true, false, Types.LONG)};
    WindowOutput output = new WindowOutput(new int[] {WindowOutput.WINDOW_START, WindowOutput.WINDOW_END, 0}, true);
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(
        new SlicingWindowAggFunction(spec, 4, aggs, output), SqlKeySelector.of(new int[] {0}, List.of(new IntType())));
    harness.open();
    return harness;
  }

  /** The row (key, value, time) as the slice assigner passes it on. */
  private static Row sliced(WindowSpec spec, int key, long time, long value) throws Exception {
    return WindowTestRows.assignOne(SliceAssigner.slices(2, spec), Row.of(key, value, at(time)));
  }

  private static String result(long start, long end, int key, long count, long sum, long max) {
    return Row.of(at(start), at(end), key, count, sum, max).toString();
  }

  /**
   * The plain reading: each row counts in every window that holds it and has not fired when it
   * arrives; a window with rows is emitted once the watermark reaches its last instant.
   */
  private static final class PerWindow {
    private final Windows windows;
    private final Map<String, long[]> open = new TreeMap<>();
    final List<String> emitted = new ArrayList<>();

    PerWindow(Windows windows) {
      this.windows = windows;
    }

    void add(int key, long time, long value, long watermark) {
      for (long[] window : windows.of(time)) {
        if (window[1] - 1 > watermark) {
          long[] acc = open.computeIfAbsent(window[0] + "/" + window[1] + "/" + key,
              k -> new long[] {window[0], window[1], key, 0, 0, Long.MIN_VALUE});
          acc[3]++;
          acc[4] += value;
          acc[5] = Math.max(acc[5], value);
        }
      }
    }

    void fire(long watermark) {
      open.values().removeIf(acc -> {
        if (acc[1] - 1 <= watermark) {
          emitted.add(result(acc[0], acc[1], (int) acc[2], acc[3], acc[4], acc[5]));
          return true;
        }
        return false;
      });
    }
  }
}
