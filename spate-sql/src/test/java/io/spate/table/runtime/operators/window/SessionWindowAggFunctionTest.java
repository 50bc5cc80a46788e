package io.spate.table.runtime.operators.window;

import static io.spate.table.runtime.operators.window.WindowTestRows.at;
import static io.spate.table.runtime.operators.window.WindowTestRows.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.functions.Collector;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.types.logical.IntType;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.AggFunctions;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session window aggregates: in any arrival order, the sessions are those of the rows sorted by time
 * (a row within the gap of a session, or touching it, joins it, and joining can bridge two sessions);
 * a session fires once the watermark passes its end, and a row whose session has closed is dropped.
 */
class SessionWindowAggFunctionTest {

  private static final long GAP = 10;

  @Test
  void sessionsInAnyArrivalOrderAreThoseOfTheSortedRows() {
    qt().withExamples(300).forAll(lists().of(integers().between(0, 2_999)).ofSizeBetween(0, 40))
        .checkAssert(events -> {
          try {
            OneInputTestHarness<Row, Row> harness = harness();
            List<long[]> rows = new ArrayList<>();
            for (int event : events) {
              long[] row = {event % 2, event / 10, event % 13};
              rows.add(row);
              harness.processElement(session(row[0], row[1], row[2]));
            }
            harness.processWatermark(Long.MAX_VALUE);
            assertThat(sorted(harness.extractOutputValues())).isEqualTo(sorted(expected(rows)));
            harness.close();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void sessionsRestoredFromASnapshotInTheMiddleAreThoseOfTheSortedRows() {
    qt().withExamples(200).forAll(lists().of(integers().between(0, 2_999)).ofSizeBetween(0, 40),
            integers().between(0, 40))
        .checkAssert((events, cut) -> {
          try {
            OneInputTestHarness<Row, Row> before = harness();
            List<long[]> rows = new ArrayList<>();
            int split = Math.min(cut, events.size());
            for (int event : events.subList(0, split)) {
              long[] row = {event % 2, event / 10, event % 13};
              rows.add(row);
              before.processElement(session(row[0], row[1], row[2]));
            }
            OperatorSubtaskState snapshot = before.snapshot(1, 0);
            before.close();
            OneInputTestHarness<Row, Row> after = harness(snapshot);
            for (int event : events.subList(split, events.size())) {
              long[] row = {event % 2, event / 10, event % 13};
              rows.add(row);
              after.processElement(session(row[0], row[1], row[2]));
            }
            after.processWatermark(Long.MAX_VALUE);
            assertThat(sorted(after.extractOutputValues())).isEqualTo(sorted(expected(rows)));
            after.close();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aLateRowJoinsAnOpenSessionButNotAClosedOne() throws Exception {
    OneInputTestHarness<Row, Row> harness = harness();
    harness.processElement(session(0, 100, 1)); // [100, 110)
    harness.processElement(session(0, 200, 2)); // [200, 210)
    harness.processWatermark(150); // the first fires
    assertThat(harness.extractOutputValues()).map(Row::toString).containsExactly(result(100, 110, 0, 1, 1));
    harness.processElement(session(0, 105, 4)); // its session closed: dropped
    harness.processElement(session(0, 195, 8)); // behind the watermark, but touches [200, 210): joins it
    harness.processElement(session(0, 130, 16)); // [130, 140) is behind the watermark: dropped
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).map(Row::toString)
        .containsExactly(result(100, 110, 0, 1, 1), result(195, 210, 0, 2, 10));
  }

  @Test
  void sessionsOfAllGroupsComeOutInTheOrderOfTheirEndsWhenTheWatermarkPassesSeveral() throws Exception {
    OneInputTestHarness<Row, Row> harness = harness();
    harness.processElement(session(0, 0, 1)); // [0, 10), then made longer: [0, 15)
    harness.processElement(session(1, 8, 2)); // [8, 18)
    harness.processElement(session(0, 5, 4));
    harness.processElement(session(0, 30, 8)); // [30, 40)
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).map(Row::toString)
        .containsExactly(result(0, 15, 0, 2, 5), result(8, 18, 1, 1, 2), result(30, 40, 0, 1, 8));
  }

  @Test
  void aRowBetweenTwoSessionsMergesThemIntoOne() throws Exception {
    OneInputTestHarness<Row, Row> harness = harness();
    harness.processElement(session(1, 0, 1)).processElement(session(1, 18, 2)).processElement(session(1, 9, 4));
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).map(Row::toString).containsExactly(result(0, 28, 1, 3, 7));
  }

  /** Sessions of the rows (key, time, value) sorted by time per key: COUNT(*) and SUM(value). */
  private static List<String> expected(List<long[]> rows) {
    List<long[]> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
    List<String> sessions = new ArrayList<>();
    long[] current = null; // key, start, end, count, sum
    for (long[] row : sorted) {
      if (current != null && current[0] == row[0] && row[1] <= current[2]) {
        current[2] = Math.max(current[2], row[1] + GAP);
        current[3]++;
        current[4] += row[2];
      } else {
        if (current != null) {
          sessions.add(result(current[1], current[2], (int) current[0], current[3], current[4]));
        }
        current = new long[] {row[0], row[1], row[1] + GAP, 1, row[2]};
      }
    }
    if (current != null) {
      sessions.add(result(current[1], current[2], (int) current[0], current[3], current[4]));
    }
    return sessions;
  }

  private static OneInputTestHarness<Row, Row> harness() throws Exception {
    return harness(null);
  }

  /** A harness that restores {@code snapshot} if it is not null. */
  private static OneInputTestHarness<Row, Row> harness(OperatorSubtaskState snapshot) throws Exception {
    AggFunction[] aggs = {
      AggFunctions.count(-1, -1),
      AggFunctions.sum(1, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false)};
    WindowOutput output = new WindowOutput(new int[] {WindowOutput.WINDOW_START, WindowOutput.WINDOW_END, 0}, true);
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(
        new SessionWindowAggFunction(3, 4, aggs, output), SqlKeySelector.of(new int[] {0}, List.of(new IntType())));
    if (snapshot != null) {
      harness.initializeState(snapshot);
    }
    harness.open();
    return harness;
  }

  /** The row (key, value, time) with its own session window, as the session assigner passes it on. */
  private static Row session(long key, long time, long value) {
    List<Row> out = new ArrayList<>();
    SliceAssigner.sessions(2, GAP).flatMap(Row.of((int) key, value, at(time)), new Collector<>() {
      @Override
      public void collect(Row record) {
        out.add(record);
      }

      @Override
      public void close() {}
    });
    return out.get(0);
  }

  private static String result(long start, long end, int key, long count, long sum) {
    return Row.of(at(start), at(end), key, count, sum).toString();
  }
}
