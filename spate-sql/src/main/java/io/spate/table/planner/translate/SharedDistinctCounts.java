package io.spate.table.planner.translate;

import io.spate.api.typeinfo.TypeInformation;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.functions.UserAggSqlFunction;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.SharedDistinctCount;
import io.spate.table.runtime.typeutils.TypeInfos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * Lets the {@code COUNT(DISTINCT x)} calls of a one-phase {@code GROUP BY} that count the same
 * argument (under different filters) share one map of its values ({@link SharedDistinctCount}), as
 * Flink shares a distinct argument's state among its aggregates. A single {@code COUNT(DISTINCT x)} of
 * an integer {@code x} becomes a group of one, to count {@code x}'s values without boxing them.
 */
final class SharedDistinctCounts {

  private SharedDistinctCounts() {}

  /**
   * {@code functions} (of {@code calls}, over rows of {@code inputType}) with each group of two or more
   * shared, and each single count of an integer argument in a group of its own; {@code insertOnly} when
   * the input never takes a row back.
   */
  static AggFunction[] share(List<AggregateCall> calls, AggFunction[] functions, RelDataType inputType,
      boolean insertOnly) {
    Map<Integer, List<Integer>> byArgument = new LinkedHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      if (call.isDistinct() && call.getAggregation().getKind() == SqlKind.COUNT && call.getArgList().size() == 1
          && !(call.getAggregation() instanceof UserAggSqlFunction)) {
        byArgument.computeIfAbsent(call.getArgList().get(0), arg -> new ArrayList<>()).add(i);
      }
    }
    AggFunction[] shared = functions.clone();
    byArgument.forEach((argument, members) -> {
      TypeInformation<?> valueType = TypeInfos.of(SpateTypeFactory.toLogicalType(
          inputType.getFieldList().get(argument).getType()));
      if (members.size() < 2 && !SharedDistinctCount.countsUnboxed(valueType)) {
        return;
      }
      int[] filters = members.stream().mapToInt(i -> calls.get(i).filterArg).toArray();
      SharedDistinctCount group = new SharedDistinctCount(argument, filters, valueType, insertOnly);
      int leader = members.get(0);
      shared[leader] = group;
      for (int m = 1; m < members.size(); m++) {
        shared[members.get(m)] = new SharedDistinctCount.Member(leader, m, group);
      }
    });
    return shared;
  }
}
