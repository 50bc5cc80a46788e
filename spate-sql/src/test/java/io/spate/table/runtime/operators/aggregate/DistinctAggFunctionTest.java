package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The law of a DISTINCT aggregate: after any sequence of rows accumulated and taken back, its value is
 * the inner aggregate over the set of values still present, however often each occurs.
 */
class DistinctAggFunctionTest {

  @Test
  void theValueIsTheInnerAggregateOverTheDistinctValuesStillPresent() {
    AggFunction sum = AggFunctions.sum(0, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false);
    AggFunction distinct = new DistinctAggFunction(sum, new int[] {0}, -1, Types.LONG);
    // Each step: a value 0..5 to add, or (negative) the value -step-1 to take back if it is present.
    qt().withExamples(500).forAll(lists().of(integers().between(-6, 5)).ofSizeBetween(0, 60)).checkAssert(steps -> {
      Object acc = distinct.createAccumulator();
      List<Long> present = new ArrayList<>();
      for (int step : steps) {
        long value = step >= 0 ? step : -step - 1;
        if (step >= 0) {
          acc = distinct.accumulate(acc, Row.of(value));
          present.add(value);
        } else if (present.remove(value)) {
          acc = distinct.retract(acc, Row.of(value));
        }
      }
      Long expected = new HashSet<>(present).stream().reduce(Long::sum).orElse(null);
      Object actual = distinct.getValue(acc);
      if (expected == null) {
        assertThat(actual == null || Long.valueOf(0).equals(actual)).as("empty sum %s", actual).isTrue();
      } else {
        assertThat(actual).isEqualTo(expected);
      }
    });
  }
}
