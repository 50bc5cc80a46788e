package io.spate.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.table.runtime.keys.SqlKeySelector;
import java.util.List;
import io.spate.table.types.logical.IntType;
import io.spate.testing.TestHarnesses;
import io.spate.testing.TwoInputTestHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The time-based and semi/anti join operators driven record by record: when pairs and padded rows go
 * out, that state is dropped once the watermark passes (a late row then finds nothing), that the
 * watermark is held back, that state survives a snapshot, and that an anti join retracts.
 */
class JoinOperatorsHarnessTest {

  /** Rows (key, time, name). */
  private static final RowTypeInfo TYPE = new RowTypeInfo(Types.INT, Types.INSTANT, Types.STRING);
  private static final SqlKeySelector KEY = SqlKeySelector.of(new int[] {0}, List.of(new IntType()));

  private static Row row(int key, long millis, String name) {
    return Row.of(key, Instant.ofEpochMilli(millis), name);
  }

  private static Row pair(Row left, Row right) {
    Row joined = new Row(6);
    for (int i = 0; i < 3; i++) {
      joined.setField(i, left == null ? null : left.getField(i));
      joined.setField(3 + i, right == null ? null : right.getField(i));
    }
    return joined;
  }

  /** {@code 0 <= l - r <= 10}, left outer. */
  private static TwoInputTestHarness<Row, Row, Row> intervalJoin() {
    return TestHarnesses.forKeyedOperator(new IntervalJoinOperator(TYPE, TYPE, 1, 1, 0, 10, null, true, false),
        KEY, KEY);
  }

  @Test
  void anIntervalJoinPairsRowsWithinItsBoundsAsTheyArrive() throws Exception {
    try (TwoInputTestHarness<Row, Row, Row> harness = intervalJoin()) {
      Row left = row(1, 100, "l");
      harness.processElement1(left, 100);
      harness.processElement2(row(1, 89, "too early"), 89).processElement2(row(1, 101, "too late"), 101);
      harness.processElement2(row(2, 95, "other key"), 95);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.processElement2(row(1, 90, "first"), 90).processElement2(row(1, 100, "last"), 100);
      assertThat(harness.extractOutputValues())
          .containsExactly(pair(left, row(1, 90, "first")), pair(left, row(1, 100, "last")));
    }
  }

  @Test
  void anIntervalJoinDropsRowsOnceTheWatermarkPassesTheirIntervalAndPadsUnmatchedOnes() throws Exception {
    try (TwoInputTestHarness<Row, Row, Row> harness = intervalJoin()) {
      Row unmatched = row(1, 100, "l");
      harness.processElement1(unmatched, 100);
      harness.processWatermark(99);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.processWatermark(100);
      assertThat(harness.extractOutputValues()).containsExactly(pair(unmatched, null));
      harness.clearOutput();
      // The left row is gone from the state: a late right row within its bounds finds nothing.
      harness.processElement2(row(1, 95, "late"), 95);
      assertThat(harness.extractOutputValues()).isEmpty();
      // A late left row goes out padded at once, as its interval is over.
      Row late = row(1, 50, "late left");
      harness.processElement1(late, 50);
      assertThat(harness.extractOutputValues()).containsExactly(pair(late, null));
    }
  }

  @Test
  void anIntervalJoinHoldsTheWatermarkBackByItsLargestBound() throws Exception {
    try (TwoInputTestHarness<Row, Row, Row> harness = TestHarnesses.forKeyedOperator(
        new IntervalJoinOperator(TYPE, TYPE, 1, 1, -30, 10, null, false, false), KEY, KEY)) {
      harness.processElement1(row(1, 0, "l"), 0);
      harness.processWatermark(1000);
      assertThat(harness.getWatermarks()).containsExactly(970L);
    }
  }

  @Test
  void anIntervalJoinsRowsSurviveASnapshotAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    Row left = row(1, 100, "l");
    try (TwoInputTestHarness<Row, Row, Row> before = intervalJoin()) {
      before.processElement1(left, 100);
      snapshot = before.snapshot(1, 1);
    }
    try (TwoInputTestHarness<Row, Row, Row> after = intervalJoin()) {
      after.initializeState(snapshot, 1).processElement2(row(1, 95, "r"), 95);
      assertThat(after.extractOutputValues()).containsExactly(pair(left, row(1, 95, "r")));
    }
  }

  @Test
  void aTemporalJoinEmitsAtTheWatermarkWithTheVersionValidThenAndDropsObsoleteVersions() throws Exception {
    try (TwoInputTestHarness<Row, Row, Row> harness = TestHarnesses.forKeyedOperator(
        new TemporalJoinOperator(TYPE, TYPE, 1, 1, null, false), KEY, KEY)) {
      Row v10 = row(1, 10, "v10");
      Row v20 = row(1, 20, "v20");
      Row order = row(1, 15, "order");
      harness.processElement2(v10, 10).processElement2(v20, 20).processElement1(order, 15);
      harness.processWatermark(14);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.processWatermark(25);
      assertThat(harness.extractOutputValues()).containsExactly(pair(order, v10));
      harness.clearOutput();
      // Version 10 was dropped at watermark 25 (20 is valid from there on): a late order at 15 finds none.
      harness.processElement1(row(1, 15, "late"), 15).processElement1(row(1, 30, "next"), 30);
      harness.processWatermark(30);
      assertThat(harness.extractOutputValues()).containsExactly(pair(row(1, 30, "next"), v20));
    }
  }

  @Test
  void anAntiJoinRetractsItsRowWhenAMatchArrivesAndEmitsItAgainWhenTheMatchGoes() throws Exception {
    RowTypeInfo keys = new RowTypeInfo(Types.INT);
    try (TwoInputTestHarness<Row, Row, Row> harness = TestHarnesses.forKeyedCoProcess(
        new SemiAntiJoinFunction(keys, keys, null, true, 0), KEY, KEY)) {
      harness.processElement1(Row.of(1)).processElement1(Row.of(2));
      harness.processElement2(Row.of(1)).processElement2(Row.of(1));
      harness.processElement2(Row.ofKind(RowKind.DELETE, 1)).processElement2(Row.ofKind(RowKind.DELETE, 1));
      assertThat(harness.extractOutputValues()).containsExactly(Row.of(1), Row.of(2), Row.ofKind(RowKind.DELETE, 1),
          Row.of(1));
    }
  }

  @Test
  void aSemiJoinEmitsALeftRowOnceWhateverTheNumberOfMatches() throws Exception {
    RowTypeInfo keys = new RowTypeInfo(Types.INT);
    try (TwoInputTestHarness<Row, Row, Row> harness = TestHarnesses.forKeyedCoProcess(
        new SemiAntiJoinFunction(keys, keys, null, false, 0), KEY, KEY)) {
      harness.processElement1(Row.of(1)).processElement2(Row.of(1)).processElement2(Row.of(1));
      harness.processElement2(Row.of(2)).processElement1(Row.of(2)).processElement1(Row.of(3));
      harness.processElement2(Row.ofKind(RowKind.DELETE, 1)).processElement2(Row.ofKind(RowKind.DELETE, 1));
      assertThat(harness.extractOutputValues()).containsExactly(Row.of(1), Row.of(2), Row.ofKind(RowKind.DELETE, 1));
    }
  }
}
