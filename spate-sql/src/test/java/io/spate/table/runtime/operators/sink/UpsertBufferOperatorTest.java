package io.spate.table.runtime.operators.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.testing.StreamRecord;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpsertBufferOperatorTest {

  private static OneInputTestHarness<Row, Row> harness(int maxRows, long intervalMillis) throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forOperator(
        new UpsertBufferOperator(new int[] {0}, maxRows, intervalMillis));
    harness.setProcessingTime(0);
    harness.open();
    return harness;
  }

  @Test
  void onlyEachKeysLatestChangeLeavesAtTheEndOfTheInputInTheOrderTheKeysCame() throws Exception {
    try (var harness = harness(100, 1_000)) {
      harness.processElement(Row.ofKind(RowKind.INSERT, "a", 1L), 10)
          .processElement(Row.ofKind(RowKind.INSERT, "b", 1L), 11)
          .processElement(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L), 12)
          .processElement(Row.ofKind(RowKind.DELETE, "b", 1L), 13);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.endInput();
      assertThat(harness.getOutput()).extracting(StreamRecord::value, StreamRecord::timestamp)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L), 12L),
              org.assertj.core.groups.Tuple.tuple(Row.ofKind(RowKind.DELETE, "b", 1L), 13L));
    }
  }

  @Test
  void theBufferLeavesWhenItHoldsMaxRowsKeysOrItsOldestRowWaitedTheInterval() throws Exception {
    try (var harness = harness(2, 100)) {
      harness.processElement(Row.of("a", 1L)).processElement(Row.of("a", 2L));
      assertThat(harness.extractOutputValues()).as("one key, however many changes").isEmpty();
      harness.processElement(Row.of("b", 1L));
      assertThat(harness.extractOutputValues()).containsExactly(Row.of("a", 2L), Row.of("b", 1L));
      harness.clearOutput();
      harness.processElement(Row.of("c", 1L)).setProcessingTime(99);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.setProcessingTime(100);
      assertThat(harness.extractOutputValues()).containsExactly(Row.of("c", 1L));
    }
  }

  @Test
  void aCheckpointBarrierFindsTheBufferEmptyAndAWatermarkWaitsForTheRowsBeforeIt() throws Exception {
    try (var harness = harness(100, 1_000)) {
      harness.processElement(Row.of("a", 1L), 5).processWatermark(7);
      assertThat(harness.getRecordsAndWatermarks()).isEmpty();
      harness.snapshot(1, 0);
      assertThat(harness.getRecordsAndWatermarks()).hasSize(2);
      assertThat(harness.extractOutputValues()).containsExactly(Row.of("a", 1L));
      assertThat(harness.getWatermarks()).containsExactly(7L);
      harness.processWatermark(8);
      assertThat(harness.getWatermarks()).as("nothing buffered: at once").containsExactly(7L, 8L);
    }
  }

  @Test
  void theBufferedChangesLeaveTheTableTheUnbufferedChangesLeave() {
    // Changes are (key, value) pairs; value 0 deletes the key.
    qt().withExamples(300).forAll(lists().of(integers().between(0, 60)).ofSizeBetween(0, 200),
        integers().between(1, 8)).checkAssert((changes, maxRows) -> {
          List<Row> rows = new ArrayList<>();
          for (int change : changes) {
            int key = change % 7;
            long value = change / 7;
            rows.add(value == 0 ? Row.ofKind(RowKind.DELETE, "k" + key, 0L) : Row.ofKind(RowKind.UPDATE_AFTER, "k" + key, value));
          }
          try (var harness = harness(maxRows, 50)) {
            long time = 0;
            for (Row row : rows) {
              harness.processElement(row);
              time += 7;
              harness.setProcessingTime(time);
            }
            harness.endInput();
            assertThat(upsertTable(harness.extractOutputValues())).isEqualTo(upsertTable(rows));
            assertThat(harness.extractOutputValues().size()).isLessThanOrEqualTo(rows.size());
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  /** The table an upsert sink keyed by field 0 holds after {@code changes}. */
  private static Map<Object, Row> upsertTable(List<Row> changes) {
    Map<Object, Row> table = new HashMap<>();
    for (Row change : changes) {
      if (change.getKind() == RowKind.DELETE) {
        table.remove(change.getField(0));
      } else {
        table.put(change.getField(0), change);
      }
    }
    return table;
  }

  @Test
  void aBufferOfNoRowsOrNoTimeIsRefused() {
    assertThatThrownBy(() -> new UpsertBufferOperator(new int[] {0}, 0, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 rows");
  }
}
