package io.spate.table.runtime.operators.window;

import static io.spate.table.runtime.operators.window.WindowTestRows.at;
import static io.spate.table.runtime.operators.window.WindowTestRows.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.AggFunctions;
import io.spate.table.types.logical.IntType;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sliced window aggregate over an updating input: a retraction takes its row back from the windows
 * that have not fired, a window left without rows emits nothing, and when no retraction is late the
 * result is the window aggregate of the rows the changelog leaves.
 */
class SlicingWindowChangelogTest {

  private static final List<WindowSpec> SPECS = List.of(WindowSpec.tumble(50, 0), WindowSpec.hop(20, 60, 0),
      WindowSpec.hop(25, 100, 10), WindowSpec.cumulate(10, 40, 0), WindowSpec.cumulate(15, 60, 5));

  @Test
  void withoutLateRetractionsTheChangelogsResultIsTheResultOfTheRowsItLeaves() {
    qt().withExamples(300).forAll(integers().between(0, SPECS.size() - 1),
        lists().of(integers().between(0, 9_999)).ofSizeBetween(0, 60)).checkAssert((spec, events) -> {
          try {
            assertChangelogEqualsItsRows(SPECS.get(spec), events);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aWindowWhoseRowsWereTakenBackEmitsNothingAndALateRetractionIsDropped() throws Exception {
    WindowSpec hop = WindowSpec.hop(5, 10, 0);
    OneInputTestHarness<Row, Row> harness = harness(hop, true);
    harness.processElement(sliced(hop, 0, 3, 1, RowKind.INSERT)); // windows [-5, 5) and [0, 10)
    harness.processElement(sliced(hop, 0, 4, 7, RowKind.UPDATE_AFTER));
    harness.processElement(sliced(hop, 0, 4, 7, RowKind.UPDATE_BEFORE));
    harness.processElement(sliced(hop, 1, 2, 5, RowKind.INSERT));
    harness.processElement(sliced(hop, 1, 2, 5, RowKind.DELETE)); // key 1 has no rows left
    harness.processWatermark(4); // [-5, 5) fires
    harness.processElement(sliced(hop, 0, 3, 1, RowKind.DELETE)); // leaves [0, 10) of key 0 empty
    harness.processElement(sliced(hop, 2, 12, 9, RowKind.INSERT)); // windows [5, 15) and [10, 20)
    harness.processWatermark(20); // all fire
    harness.processElement(sliced(hop, 2, 12, 9, RowKind.DELETE)); // late for both: dropped
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).map(Row::toString).containsExactly(
        result(-5, 5, 0, 1, 1, 1, 1), result(5, 15, 2, 1, 9, 9, 9), result(10, 20, 2, 1, 9, 9, 9));
    harness.close();
  }

  @Test
  void minAndMaxFindTheNextExtremeWhenTheirsIsTakenBack() throws Exception {
    WindowSpec tumble = WindowSpec.tumble(10, 0);
    OneInputTestHarness<Row, Row> harness = harness(tumble, true);
    for (long value : new long[] {4, 9, 1, 9}) {
      harness.processElement(sliced(tumble, 0, 3, value, RowKind.INSERT));
    }
    harness.processElement(sliced(tumble, 0, 3, 9, RowKind.UPDATE_BEFORE)); // one 9 stays
    harness.processElement(sliced(tumble, 0, 3, 1, RowKind.DELETE));
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).map(Row::toString).containsExactly(result(0, 10, 0, 2, 13, 9, 4));
    harness.close();
  }

  /**
   * Feeds {@code events} as inserts and retractions of rows still there (no watermark until the end, so none
   * is late) to the changelog aggregate, and the rows that remain as inserts to the insert-only one.
   */
  private static void assertChangelogEqualsItsRows(WindowSpec spec, List<Integer> events) throws Exception {
    OneInputTestHarness<Row, Row> changelog = harness(spec, true);
    List<long[]> live = new ArrayList<>();
    for (int event : events) {
      if (event % 3 == 0 && !live.isEmpty()) {
        long[] row = live.remove(event % live.size());
        changelog.processElement(sliced(spec, (int) row[0], row[1], row[2],
            event % 2 == 0 ? RowKind.DELETE : RowKind.UPDATE_BEFORE));
      } else {
        long[] row = {event % 3, event % 400 - 100, event % 97};
        live.add(row);
        changelog.processElement(sliced(spec, (int) row[0], row[1], row[2],
            event % 2 == 0 ? RowKind.INSERT : RowKind.UPDATE_AFTER));
      }
    }
    changelog.processWatermark(Long.MAX_VALUE);
    OneInputTestHarness<Row, Row> inserts = harness(spec, false);
    for (long[] row : live) {
      inserts.processElement(sliced(spec, (int) row[0], row[1], row[2], RowKind.INSERT));
    }
    inserts.processWatermark(Long.MAX_VALUE);
    assertThat(sorted(changelog.extractOutputValues())).isEqualTo(sorted(inserts.extractOutputValues()));
    changelog.close();
    inserts.close();
  }

  /** COUNT(*), SUM(value), MAX(value), MIN(value) per key and window; rows are (key, value, time) and their slice. */
  private static OneInputTestHarness<Row, Row> harness(WindowSpec spec, boolean overChangelog) throws Exception {
    AggFunction[] aggs = {
      AggFunctions.count(-1, -1),
      AggFunctions.sum(1, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false),
      AggFunctions.minOrMax(1, -1, true, overChangelog, Types.LONG),
      AggFunctions.minOrMax(1, -1, false, overChangelog, Types.LONG)};
    WindowOutput output = new WindowOutput(new int[] {WindowOutput.WINDOW_START, WindowOutput.WINDOW_END, 0}, true);
    SlicingWindowAggFunction function = overChangelog
        ? SlicingWindowAggFunction.overChangelog(spec, 4, aggs, output, false, null)
        : new SlicingWindowAggFunction(spec, 4, aggs, output);
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(function,
        SqlKeySelector.of(new int[] {0}, List.of(new IntType())));
    harness.open();
    return harness;
  }

  /** The row (key, value, time) of {@code kind} as the slice assigner passes it on. */
  private static Row sliced(WindowSpec spec, int key, long time, long value, RowKind kind) throws Exception {
    Row row = Row.of(key, value, at(time));
    row.setKind(kind);
    return WindowTestRows.assignOne(SliceAssigner.slices(2, spec), row);
  }

  private static String result(long start, long end, int key, long count, long sum, long max, long min) {
    return Row.of(at(start), at(end), key, count, sum, max, min).toString();
  }
}
