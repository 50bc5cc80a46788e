package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.testing.ChangelogFold;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two-phase GROUP BY: local aggregates before the shuffle and a global one after it leave the table
 * the one-phase aggregate leaves, for any changelog with retractions, any batch sizes, checkpoints
 * anywhere and any interleaving of the local phases at the global one; a local phase emits one row per
 * key and batch and keeps nothing after a checkpoint barrier.
 */
class TwoPhaseGroupAggOperatorTest {

  /**
   * Over rows (key, value BIGINT or NULL, value is even): COUNT(*), SUM, AVG, MAX and MIN FILTER over a
   * changelog, COUNT(DISTINCT value) FILTER, SUM(DISTINCT value).
   */
  private static AggFunction[] aggregates() {
    ValueType bigint = ValueType.of(ValueType.Kind.BIGINT);
    return new AggFunction[] {
        AggFunctions.count(-1, -1),
        AggFunctions.sum(1, -1, bigint, Types.LONG, false),
        AggFunctions.avg(1, -1, bigint),
        AggFunctions.minOrMax(1, -1, true, true, Types.LONG),
        AggFunctions.minOrMax(1, 2, false, true, Types.LONG),
        AggFunctions.countDistinct(1, 2, Types.LONG),
        new DistinctAggFunction(AggFunctions.sum(1, -1, bigint, Types.LONG, false), new int[] {1}, -1, Types.LONG)};
  }

  private static OneInputTestHarness<Row, Row> local(long maxRows) throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forOperator(
        new LocalGroupAggOperator(new int[] {0}, aggregates(), 1_000, maxRows));
    harness.open();
    return harness;
  }

  private static OneInputTestHarness<Row, Row> global(long maxRows) throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedOperator(
        new GlobalGroupAggOperator(1, aggregates(), 0, 1_000, maxRows), SqlKeySelector.of(new int[] {0}, List.of(new VarCharType())));
    harness.open();
    return harness;
  }

  private static OneInputTestHarness<Row, Row> onePhase() throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(
        new GroupAggFunction(new int[] {0}, aggregates(), 0), SqlKeySelector.of(new int[] {0}, List.of(new VarCharType())));
    harness.open();
    return harness;
  }

  @Test
  void twoPhasesFoldToTheOnePhaseResult() {
    // Each value: a key 0..3 and a value (or NULL); a negative one retracts the row if it is there.
    qt().withExamples(200).forAll(lists().of(integers().between(-40, 39)).ofSizeBetween(0, 80),
        integers().between(0, 143), integers().between(-1, 80), longs().all())
        .checkAssert((values, batchSizes, checkpointAt, seed) -> {
          try {
            int localRows = 1 + batchSizes % 12;
            int globalRows = 1 + batchSizes / 12;
            List<OneInputTestHarness<Row, Row>> locals = List.of(local(localRows), local(localRows));
            OneInputTestHarness<Row, Row> single = onePhase();
            Map<Row, Integer> present = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
              Row row = row(values.get(i));
              if (values.get(i) < 0) {
                if (present.getOrDefault(row, 0) == 0) {
                  continue;
                }
                present.merge(row, -1, Integer::sum);
                row.setKind(i % 2 == 0 ? RowKind.DELETE : RowKind.UPDATE_BEFORE);
              } else {
                present.merge(row, 1, Integer::sum);
              }
              // All changes of one row pass the same local phase, as they come from one upstream subtask.
              OneInputTestHarness<Row, Row> local = locals.get(Math.abs(values.get(i)) % 2);
              local.processElement(Row.copy(row));
              single.processElement(Row.copy(row));
              if (i == checkpointAt) {
                local.snapshot(1, 0);
              }
            }
            OneInputTestHarness<Row, Row> global = global(globalRows);
            List<List<Row>> partials = new ArrayList<>();
            for (OneInputTestHarness<Row, Row> local : locals) {
              local.endInput();
              partials.add(new ArrayList<>(local.extractOutputValues()));
            }
            Random random = new Random(seed);
            while (!partials.get(0).isEmpty() || !partials.get(1).isEmpty()) {
              List<Row> from = partials.get(partials.get(0).isEmpty() ? 1
                  : partials.get(1).isEmpty() ? 0 : random.nextInt(2));
              global.processElement(from.remove(0));
            }
            global.endInput();
            assertThat(ChangelogFold.fold(global.extractOutputValues()))
                .as("two phases of %s", values).isEqualTo(ChangelogFold.fold(single.extractOutputValues()));
            global.close();
            single.close();
            for (OneInputTestHarness<Row, Row> local : locals) {
              local.close();
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  /** Key {@code |v| % 4}; value {@code |v| / 4}, NULL for 0; the filter holds for even values. */
  private static Row row(int v) {
    int magnitude = Math.abs(v);
    Long value = magnitude / 4 == 0 ? null : (long) (magnitude / 4);
    return Row.of("k" + (magnitude % 4), value, value != null && value % 2 == 0);
  }

  @Test
  void theLocalPhaseEmitsOneRowPerKeyAndBatch() throws Exception {
    try (OneInputTestHarness<Row, Row> harness = local(100)) {
      harness.processElement(row(5)).processElement(row(9)).processElement(row(6)).processElement(row(13));
      assertThat(harness.extractOutputValues()).as("held until the batch is handled").isEmpty();
      harness.endInput();
      List<Row> partials = harness.extractOutputValues();
      assertThat(partials).extracting(r -> r.getField(0)).containsExactly("k1", "k2");
      Row k1 = partials.get(0);
      assertThat(k1.getKind()).isEqualTo(RowKind.INSERT);
      assertThat(k1.getArity()).isEqualTo(1 + aggregates().length + 1);
      assertThat(k1.getField(1)).as("COUNT(*)'s accumulator, a counter changed in place").isEqualTo(new long[] {3});
      assertThat(k1.getField(k1.getArity() - 1)).as("rows added").isEqualTo(new long[] {3});
    }
  }

  @Test
  void aCheckpointBarrierEmptiesTheLocalPhaseAndTheWatermarkFollowsTheRows() throws Exception {
    try (OneInputTestHarness<Row, Row> harness = local(100)) {
      harness.processElement(row(5)).processWatermark(10);
      assertThat(harness.getRecordsAndWatermarks()).as("the watermark waits for the batch").isEmpty();
      harness.snapshot(1, 0);
      assertThat(harness.getRecordsAndWatermarks()).hasSize(2);
      assertThat(harness.getRecordsAndWatermarks().get(1).toString()).contains("10");
      harness.processElement(row(9));
      harness.snapshot(2, 0);
      assertThat(harness.extractOutputValues()).hasSize(2);
    }
  }

  @Test
  void theGlobalPhaseDeletesAKeyWhoseRowsWereAllTakenBack() throws Exception {
    try (OneInputTestHarness<Row, Row> local = local(1); OneInputTestHarness<Row, Row> global = global(1)) {
      Row added = row(5);
      Row takenBack = Row.copy(added);
      takenBack.setKind(RowKind.DELETE);
      local.processElement(added).processElement(takenBack);
      for (Row partial : local.extractOutputValues()) {
        global.processElement(partial);
      }
      List<Row> changes = global.extractOutputValues();
      assertThat(changes).extracting(Row::getKind).containsExactly(RowKind.INSERT, RowKind.DELETE);
      assertThat(ChangelogFold.fold(changes)).isEmpty();
    }
  }
}
