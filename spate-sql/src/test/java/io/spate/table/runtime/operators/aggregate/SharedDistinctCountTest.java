package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The law of shared distinct counts: after any rows added and taken back, each aggregate of the group
 * has the value its own {@code COUNT(DISTINCT)} (an independent one, with its own map) has.
 */
class SharedDistinctCountTest {

  @Test
  void eachAggregateOfTheGroupCountsWhatItsOwnCountDistinctCounts() {
    // Rows (value, f1, f2): value 0..5 or NULL (6); the filters are fields 1 and 2, and the first aggregate has none.
    int[] filters = {-1, 1, 2};
    SharedDistinctCount group = new SharedDistinctCount(0, filters, Types.LONG);
    List<AggFunction> members = List.of(group, new SharedDistinctCount.Member(0, 1, group),
        new SharedDistinctCount.Member(0, 2, group));
    List<AggFunction> alone = new ArrayList<>();
    for (int filter : filters) {
      alone.add(AggFunctions.countDistinct(0, filter, Types.LONG));
    }
    // Each step: a row code 0..27 to add, or (negative) the code -step-1 to take back if a row of it is present.
    qt().withExamples(500).forAll(lists().of(integers().between(-28, 27)).ofSizeBetween(0, 80)).checkAssert(steps -> {
      Object shared = group.createAccumulator();
      Object[] own = alone.stream().map(AggFunction::createAccumulator).toArray();
      List<Integer> present = new ArrayList<>();
      for (int step : steps) {
        int code = step >= 0 ? step : -step - 1;
        Row row = Row.of(code % 7 == 6 ? null : (long) (code % 7), code / 7 % 2 == 1, code / 14 == 1);
        boolean adds = step >= 0;
        if (!adds && !present.remove((Integer) code)) {
          continue;
        }
        if (adds) {
          present.add(code);
        }
        shared = adds ? group.accumulate(shared, row) : group.retract(shared, row);
        for (int i = 0; i < own.length; i++) {
          own[i] = adds ? alone.get(i).accumulate(own[i], row) : alone.get(i).retract(own[i], row);
        }
        for (int i = 0; i < own.length; i++) {
          Object value = members.get(i) instanceof SharedDistinctCount.Member member ? member.valueFrom(shared)
              : group.getValue(shared);
          assertThat(value).as("aggregate %d after %s", i, steps).isEqualTo(alone.get(i).getValue(own[i]));
        }
      }
      if (present.isEmpty()) {
        assertThat((java.util.Map<?, ?>) ((Row) shared).getField(0)).as("values of no row").isEmpty();
      }
    });
  }
}
