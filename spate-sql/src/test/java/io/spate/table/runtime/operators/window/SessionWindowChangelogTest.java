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
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code SESSION} window aggregate over an updating input, as Flink's: every row of the changelog, an
 * insert or a retraction, opens a window [time, time + gap) that merges with the sessions it overlaps or
 * touches (a retraction never splits a session), a retraction takes its row back from its session, and a
 * session left without rows emits nothing. When no retraction is late, the result is that of a model:
 * the sessions of all the changelog's times, each aggregating the rows that remain in it.
 */
class SessionWindowChangelogTest {

  private static final long GAP = 30;

  @Test
  void withoutLateRetractionsEachSessionOfTheChangelogsTimesAggregatesTheRowsLeftInIt() {
    qt().withExamples(300).forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(0, 60))
        .checkAssert(events -> {
          try {
            assertChangelogEqualsTheModel(events);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aSessionWhoseRowsWereTakenBackEmitsNothingAndALateRetractionIsDropped() throws Exception {
    OneInputTestHarness<Row, Row> harness = harness(true);
    harness.processElement(session(0, 10, 1, RowKind.INSERT)); // [10, 40)
    harness.processElement(session(0, 20, 5, RowKind.UPDATE_AFTER)); // [10, 50)
    harness.processElement(session(0, 20, 5, RowKind.UPDATE_BEFORE));
    harness.processElement(session(1, 12, 2, RowKind.INSERT));
    harness.processElement(session(1, 12, 2, RowKind.DELETE)); // key 1's session has no rows left
    harness.processWatermark(49); // key 0's [10, 50) and key 1's [12, 42) close
    harness.processElement(session(0, 15, 1, RowKind.DELETE)); // late: its session closed
    harness.processElement(session(2, 100, 7, RowKind.INSERT)); // [100, 130)
    harness.processElement(session(2, 140, 8, RowKind.INSERT)); // [140, 170): apart
    harness.processElement(session(2, 125, 9, RowKind.UPDATE_BEFORE)); // bridges them: one session, as in Flink
    harness.processElement(session(2, 126, 9, RowKind.UPDATE_AFTER));
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).map(Row::toString).containsExactly(
        result(10, 50, 0, 1, 1, 1, 1), result(100, 170, 2, 2, 15, 8, 7));
    harness.close();
  }

  /**
   * Feeds {@code events} as inserts and retractions of rows still there (no watermark until the end, so none
   * is late), and compares the output with the model's.
   */
  private static void assertChangelogEqualsTheModel(List<Integer> events) throws Exception {
    OneInputTestHarness<Row, Row> changelog = harness(true);
    List<long[]> live = new ArrayList<>();
    List<long[]> all = new ArrayList<>(); // (key, time, value, +1 or -1)
    for (int event : events) {
      if (event % 3 == 0 && !live.isEmpty()) {
        long[] row = live.remove(event % live.size());
        changelog.processElement(session((int) row[0], row[1], row[2],
            event % 2 == 0 ? RowKind.DELETE : RowKind.UPDATE_BEFORE));
        all.add(new long[] {row[0], row[1], row[2], -1});
      } else {
        long[] row = {event % 3, event % 400 - 100, event % 97};
        live.add(row);
        changelog.processElement(session((int) row[0], row[1], row[2],
            event % 2 == 0 ? RowKind.INSERT : RowKind.UPDATE_AFTER));
        all.add(new long[] {row[0], row[1], row[2], 1});
      }
    }
    changelog.processWatermark(Long.MAX_VALUE);
    assertThat(sorted(changelog.extractOutputValues())).isEqualTo(sorted(model(all)));
    changelog.close();
  }

  /** Per key, the sessions of all events' windows and, for each with rows left, its aggregates over them. */
  private static List<String> model(List<long[]> all) {
    List<String> results = new ArrayList<>();
    for (int key = 0; key < 3; key++) {
      int k = key;
      List<long[]> events = new ArrayList<>(all.stream().filter(e -> e[0] == k).toList());
      events.sort(Comparator.comparingLong(e -> e[1]));
      int first = 0;
      while (first < events.size()) {
        long end = events.get(first)[1] + GAP;
        int last = first;
        while (last + 1 < events.size() && events.get(last + 1)[1] <= end) { // overlaps or touches
          last++;
          end = Math.max(end, events.get(last)[1] + GAP);
        }
        List<Long> values = new ArrayList<>();
        for (int i = first; i <= last; i++) {
          long[] e = events.get(i);
          if (e[3] > 0) {
            values.add(e[2]);
          }
        }
        for (int i = first; i <= last; i++) {
          long[] e = events.get(i);
          if (e[3] < 0) {
            values.remove(Long.valueOf(e[2]));
          }
        }
        if (!values.isEmpty()) {
          long sum = values.stream().mapToLong(Long::longValue).sum();
          long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
          long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
          results.add(result(events.get(first)[1], end, key, values.size(), sum, max, min));
        }
        first = last + 1;
      }
    }
    return results.stream().sorted().toList();
  }

  /** COUNT(*), SUM(value), MAX(value), MIN(value) per key and session; rows are (key, value, time) and their window. */
  private static OneInputTestHarness<Row, Row> harness(boolean overChangelog) throws Exception {
    AggFunction[] aggs = {
      AggFunctions.count(-1, -1),
      AggFunctions.sum(1, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false),
      AggFunctions.minOrMax(1, -1, true, overChangelog, Types.LONG),
      AggFunctions.minOrMax(1, -1, false, overChangelog, Types.LONG)};
    WindowOutput output = new WindowOutput(new int[] {WindowOutput.WINDOW_START, WindowOutput.WINDOW_END, 0}, true);
    SessionWindowAggFunction function = overChangelog
        ? SessionWindowAggFunction.overChangelog(3, 4, aggs, output, false, null)
        : new SessionWindowAggFunction(3, 4, aggs, output);
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(function,
        SqlKeySelector.of(new int[] {0}, List.of(new IntType())));
    harness.open();
    return harness;
  }

  /** The row (key, value, time) of {@code kind} with its own window, as the session assigner passes it on. */
  private static Row session(int key, long time, long value, RowKind kind) throws Exception {
    Row row = Row.of(key, value, at(time));
    row.setKind(kind);
    return WindowTestRows.assignOne(SliceAssigner.sessions(2, GAP), row);
  }

  private static String result(long start, long end, int key, long count, long sum, long max, long min) {
    return Row.of(at(start), at(end), key, count, sum, max, min).toString();
  }
}
