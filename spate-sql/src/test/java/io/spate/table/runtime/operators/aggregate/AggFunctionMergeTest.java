package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The law window slices rely on: merging the accumulators of two sets of rows gives the value of
 * one accumulator over both sets, for every built-in aggregate, and leaves the merged-in accumulator
 * as it was.
 */
class AggFunctionMergeTest {

  /** Every built-in aggregate over field 0 (a nullable BIGINT), with field 1 as a FILTER where it has one. */
  private static Map<String, AggFunction> functions() {
    ValueType bigint = ValueType.of(ValueType.Kind.BIGINT);
    Map<String, AggFunction> functions = new HashMap<>();
    functions.put("COUNT(*)", AggFunctions.count(-1, -1));
    functions.put("COUNT(v) FILTER", AggFunctions.count(0, 1));
    functions.put("SUM", AggFunctions.sum(0, -1, bigint, Types.LONG, false));
    functions.put("$SUM0", AggFunctions.sum(0, -1, bigint, Types.LONG, true));
    functions.put("AVG", AggFunctions.avg(0, -1, bigint));
    functions.put("SUM in DOUBLE", AggFunctions.sum(0, 1, ValueType.of(ValueType.Kind.DOUBLE), Types.DOUBLE, false));
    functions.put("AVG in DOUBLE", AggFunctions.avg(0, -1, ValueType.of(ValueType.Kind.DOUBLE)));
    functions.put("MIN", AggFunctions.minOrMax(0, -1, false, false, Types.LONG));
    functions.put("MAX FILTER", AggFunctions.minOrMax(0, 1, true, false, Types.LONG));
    functions.put("MAX over a changelog", AggFunctions.minOrMax(0, -1, true, true, Types.LONG));
    functions.put("COUNT(DISTINCT v)", AggFunctions.countDistinct(0, -1, Types.LONG));
    return functions;
  }

  @Test
  void mergingTwoAccumulatorsEqualsAccumulatingBothSetsOfRows() {
    qt().withExamples(300).forAll(lists().of(integers().between(-1, 30)).ofSizeBetween(0, 20),
        lists().of(integers().between(-1, 30)).ofSizeBetween(0, 20)).checkAssert((first, second) -> {
          for (Map.Entry<String, AggFunction> entry : functions().entrySet()) {
            AggFunction function = entry.getValue();
            assertThat(function.canMerge()).as(entry.getKey()).isTrue();
            Object left = accumulate(function, function.createAccumulator(), first);
            Object right = accumulate(function, function.createAccumulator(), second);
            Object rightValue = function.getValue(right);
            Object both = accumulate(function, accumulate(function, function.createAccumulator(), first), second);
            assertThat(function.getValue(function.merge(left, right))).as("%s of %s and %s", entry.getKey(), first,
                second).isEqualTo(function.getValue(both));
            assertThat(function.getValue(right)).as("%s's merged-in accumulator", entry.getKey())
                .isEqualTo(rightValue);
          }
        });
  }

  /** {@code acc} with a row per value: -1 is a NULL value; the FILTER holds for even values. */
  private static Object accumulate(AggFunction function, Object acc, List<Integer> values) {
    List<Row> rows = new ArrayList<>();
    for (int value : values) {
      rows.add(Row.of(value < 0 ? null : (long) value, value % 2 == 0));
    }
    for (Row row : rows) {
      acc = function.accumulate(acc, row);
    }
    return acc;
  }
}
