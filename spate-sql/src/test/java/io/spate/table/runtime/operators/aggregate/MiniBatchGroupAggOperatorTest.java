package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.testing.ChangelogFold;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mini-batch GROUP BY: whatever the batch size and wherever a checkpoint cuts the input, the changelog
 * folds to the same table as the row-by-row aggregate's, each key changes at most once per batch, and
 * watermarks never overtake the rows before them.
 */
class MiniBatchGroupAggOperatorTest {

  private static AggFunction[] countAndSum() {
    return new AggFunction[] {AggFunctions.count(-1, -1),
        AggFunctions.sum(1, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false)};
  }

  private static OneInputTestHarness<Row, Row> miniBatch(long maxRows) throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedOperator(
        new MiniBatchGroupAggOperator(new int[] {0}, countAndSum(), 0, 1_000, maxRows), SqlKeySelector.of(new int[] {0}, List.of(new VarCharType())));
    harness.open();
    return harness;
  }

  private static OneInputTestHarness<Row, Row> rowByRow() throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(
        new GroupAggFunction(new int[] {0}, countAndSum(), 0), SqlKeySelector.of(new int[] {0}, List.of(new VarCharType())));
    harness.open();
    return harness;
  }



  @Test
  void anyBatchingFoldsToTheRowByRowResult() {
    // Each value: a key 0..4 and an amount; negative values retract the row (key, amount) if it was added.
    qt().withExamples(200).forAll(lists().of(integers().between(-30, 29)).ofSizeBetween(0, 80),
        integers().between(1, 10), integers().between(0, 80)).checkAssert((values, maxRows, checkpointAt) -> {
          try {
            OneInputTestHarness<Row, Row> batched = miniBatch(maxRows);
            OneInputTestHarness<Row, Row> single = rowByRow();
            Map<Row, Integer> present = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
              int value = values.get(i);
              Row row = Row.of("k" + (Math.abs(value) % 5), (long) (Math.abs(value) / 5));
              if (value < 0) {
                if (present.getOrDefault(row, 0) == 0) {
                  continue;
                }
                present.merge(row, -1, Integer::sum);
                row.setKind(RowKind.DELETE);
              } else {
                present.merge(row, 1, Integer::sum);
              }
              batched.processElement(Row.copy(row));
              single.processElement(Row.copy(row));
              if (i == checkpointAt) {
                batched.snapshot(1, 0);
              }
            }
            batched.endInput();
            assertThat(ChangelogFold.fold(batched.extractOutputValues())).isEqualTo(
                ChangelogFold.fold(single.extractOutputValues()));
            assertThat(batched.extractOutputValues().size()).isLessThanOrEqualTo(single.extractOutputValues().size());
            batched.close();
            single.close();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aKeyChangesOncePerBatch() throws Exception {
    try (OneInputTestHarness<Row, Row> harness = miniBatch(100)) {
      for (int i = 1; i <= 5; i++) {
        harness.processElement(Row.of("a", (long) i));
      }
      assertThat(harness.extractOutputValues()).as("held until the batch is handled").isEmpty();
      harness.endInput();
      assertThat(harness.extractOutputValues()).containsExactly(Row.of("a", 5L, 15L));
    }
  }

  @Test
  void theBatchIsHandledWhenItsLatencyHasPassed() throws Exception {
    try (OneInputTestHarness<Row, Row> harness = miniBatch(100)) {
      harness.setProcessingTime(0);
      harness.processElement(Row.of("a", 1L)).processElement(Row.of("a", 2L));
      harness.setProcessingTime(999);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.setProcessingTime(1_000);
      assertThat(harness.extractOutputValues()).containsExactly(Row.of("a", 2L, 3L));
    }
  }

  @Test
  void aWatermarkWaitsForTheRowsBeforeIt() throws Exception {
    try (OneInputTestHarness<Row, Row> harness = miniBatch(100)) {
      harness.processElement(Row.of("a", 1L)).processWatermark(10);
      assertThat(harness.getRecordsAndWatermarks()).isEmpty();
      harness.endInput();
      assertThat(harness.getRecordsAndWatermarks()).hasSize(2);
      assertThat(harness.getRecordsAndWatermarks().get(1).toString()).contains("10");
    }
  }

  @Test
  void aCheckpointTakesTheBatchIntoTheState() throws Exception {
    OperatorSubtaskState state;
    try (OneInputTestHarness<Row, Row> harness = miniBatch(100)) {
      harness.processElement(Row.of("a", 1L)).processElement(Row.of("b", 2L));
      state = harness.snapshot(1, 0);
      assertThat(harness.extractOutputValues()).containsExactly(Row.of("a", 1L, 1L), Row.of("b", 1L, 2L));
    }
    try (OneInputTestHarness<Row, Row> restored = TestHarnesses.forKeyedOperator(
        new MiniBatchGroupAggOperator(new int[] {0}, countAndSum(), 0, 1_000, 100), SqlKeySelector.of(new int[] {0}, List.of(new VarCharType())))) {
      restored.initializeState(state).open();
      restored.processElement(Row.of("a", 5L)).endInput();
      assertThat(restored.extractOutputValues()).containsExactly(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L, 1L),
          Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L, 6L));
    }
  }
}
