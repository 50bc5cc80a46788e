package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The law of copied empty accumulators: a group's accumulators made by {@link EmptyAccumulators}
 * aggregate any rows to the values the aggregates' own {@code createAccumulator} gives, however many
 * groups were made and changed before, so no copy shares anything with the template or another copy.
 */
class EmptyAccumulatorsTest {

  private static final AggFunction[] AGGS = {
      AggFunctions.count(-1, -1),
      AggFunctions.count(0, 1),
      AggFunctions.sum(0, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false),
      AggFunctions.sum(0, 1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, true),
      AggFunctions.sum(0, -1, ValueType.of(ValueType.Kind.DOUBLE), Types.DOUBLE, false),
      AggFunctions.avg(0, -1, ValueType.of(ValueType.Kind.BIGINT)),
      AggFunctions.minOrMax(0, -1, false, false, Types.LONG),
      AggFunctions.minOrMax(0, 1, true, false, Types.LONG),
      AggFunctions.minOrMax(0, -1, true, true, Types.LONG),
      AggFunctions.countDistinct(0, -1, Types.LONG)};

  @Test
  void copiedAccumulatorsAggregateAsFreshlyCreatedOnes() {
    EmptyAccumulators empty = new EmptyAccumulators(AGGS);
    // Each group: values -5..5 or NULL (6), the filter field true for even steps.
    qt().withExamples(300).forAll(lists().of(lists().of(integers().between(-5, 6)).ofSizeBetween(0, 12))
        .ofSizeBetween(1, 6)).checkAssert(groups -> {
          for (List<Integer> rows : groups) {
            Row copied = empty.create(1);
            assertThat(copied.getField(AGGS.length)).as("the extra field").isNull();
            Row created = new Row(AGGS.length);
            for (int i = 0; i < AGGS.length; i++) {
              created.setField(i, AGGS[i].createAccumulator());
            }
            for (int r = 0; r < rows.size(); r++) {
              Row row = Row.of(rows.get(r) == 6 ? null : (long) rows.get(r), r % 2 == 0);
              for (int i = 0; i < AGGS.length; i++) {
                copied.setField(i, AGGS[i].accumulate(copied.getField(i), row));
                created.setField(i, AGGS[i].accumulate(created.getField(i), row));
              }
            }
            for (int i = 0; i < AGGS.length; i++) {
              assertThat(AGGS[i].getValue(copied.getField(i))).as("aggregate %d over %s", i, groups)
                  .isEqualTo(AGGS[i].getValue(created.getField(i)));
            }
          }
        });
  }

  @Test
  void fillSetsTheAggregatesFieldsFromTheOffset() {
    Row accs = new Row(AGGS.length + 2);
    accs.setField(0, "kept");
    new EmptyAccumulators(AGGS).fill(accs, 1);
    assertThat(accs.getField(0)).isEqualTo("kept");
    assertThat((long[]) accs.getField(1)).containsExactly(0L);
    assertThat(accs.getField(AGGS.length + 1)).isNull();
  }
}
