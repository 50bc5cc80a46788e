package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SUM}, {@code $SUM0}, {@code AVG} and the final level of a split {@code AVG} over rows added and
 * taken back have the values computed from the rows that remain: the sum (NULL, or 0 for {@code $SUM0},
 * without a non-NULL value) and the integer quotient of sum and count, as Flink's {@code AVG} of a
 * {@code BIGINT}; and {@code COUNT} counts them.
 */
class SumAndCountAggFunctionsTest {

  private static final ValueType BIGINT = ValueType.of(ValueType.Kind.BIGINT);

  @Test
  void sumsAveragesAndCountsOfTheRowsThatRemain() {
    AggFunction sum = AggFunctions.sum(0, 1, BIGINT, Types.LONG, false);
    AggFunction sum0 = AggFunctions.sum(0, 1, BIGINT, Types.LONG, true);
    AggFunction avg = AggFunctions.avg(0, 1, BIGINT);
    AggFunction count = AggFunctions.count(0, 1);
    // Each step: a value code 0..(2*1001-1) to add (code/2 - 500 as the value, 500 as NULL; odd codes pass the
    // filter), or negative: take back the row added -step steps ago if there is one.
    qt().withExamples(400).forAll(lists().of(integers().between(-6, 2001)).ofSizeBetween(0, 60)).checkAssert(steps -> {
      Object sumAcc = sum.createAccumulator();
      Object sum0Acc = sum0.createAccumulator();
      Object avgAcc = avg.createAccumulator();
      Object countAcc = count.createAccumulator();
      List<Row> present = new ArrayList<>();
      for (int step : steps) {
        Row row;
        boolean adds = step >= 0;
        if (adds) {
          long value = step / 2 - 500;
          row = Row.of(value == 0 ? null : value * 1_000_000_007L, step % 2 == 1);
          present.add(row);
        } else if (present.size() >= -step) {
          row = present.remove(present.size() + step);
        } else {
          continue;
        }
        sumAcc = adds ? sum.accumulate(sumAcc, row) : sum.retract(sumAcc, row);
        sum0Acc = adds ? sum0.accumulate(sum0Acc, row) : sum0.retract(sum0Acc, row);
        avgAcc = adds ? avg.accumulate(avgAcc, row) : avg.retract(avgAcc, row);
        countAcc = adds ? count.accumulate(countAcc, row) : count.retract(countAcc, row);
        long total = 0;
        long counted = 0;
        for (Row kept : present) {
          if (kept.getField(0) != null && (Boolean) kept.getField(1)) {
            total += (Long) kept.getField(0);
            counted++;
          }
        }
        assertThat(sum.getValue(sumAcc)).as("SUM of %s", present).isEqualTo(counted == 0 ? null : total);
        assertThat(sum0.getValue(sum0Acc)).as("$SUM0 of %s", present).isEqualTo(total);
        assertThat(avg.getValue(avgAcc)).as("AVG of %s", present).isEqualTo(counted == 0 ? null : total / counted);
        assertThat(count.getValue(countAcc)).as("COUNT of %s", present).isEqualTo(counted);
      }
    });
  }

  @Test
  void theFinalLevelOfASplitAverageEqualsTheAverageOfAllRows() {
    AggFunction partialSum = AggFunctions.sum(0, -1, BIGINT, Types.LONG, false);
    AggFunction partialCount = AggFunctions.count(0, -1);
    AggFunction avg = AggFunctions.avg(0, -1, BIGINT);
    AggFunction merge = AggFunctions.avgOfPartials(0, 1, BIGINT);
    // Values -50..49 (-50 as NULL), in groups of up to 5 rows each folded into one (partial sum, count) row.
    qt().withExamples(300).forAll(lists().of(integers().between(-50, 49)).ofSizeBetween(0, 40),
        integers().between(1, 5)).checkAssert((values, groupSize) -> {
          Object whole = avg.createAccumulator();
          Object merged = merge.createAccumulator();
          for (int start = 0; start < values.size(); start += groupSize) {
            Object sumAcc = partialSum.createAccumulator();
            Object countAcc = partialCount.createAccumulator();
            for (int value : values.subList(start, Math.min(values.size(), start + groupSize))) {
              Row row = Row.of(value == -50 ? null : (long) value);
              sumAcc = partialSum.accumulate(sumAcc, row);
              countAcc = partialCount.accumulate(countAcc, row);
              whole = avg.accumulate(whole, row);
            }
            merged = merge.accumulate(merged, Row.of(partialSum.getValue(sumAcc), partialCount.getValue(countAcc)));
          }
          assertThat(merge.getValue(merged)).as("split AVG of %s in groups of %d", values, groupSize)
              .isEqualTo(avg.getValue(whole));
        });
  }
}
