package io.spate.table.planner.translate;

import io.spate.api.typeinfo.TypeInformation;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.CollectingAggFunctions;
import io.spate.table.runtime.typeutils.TypeInfos;
import java.util.Set;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans Flink's aggregates that keep their values ({@code LISTAGG}, {@code ARRAY_AGG}, {@code COLLECT},
 * {@code FIRST_VALUE}, {@code LAST_VALUE}) in a {@code GROUP BY}, a window aggregate or an OVER window.
 */
final class CollectingAggregates {

  private static final Set<SqlKind> KINDS = Set.of(SqlKind.LISTAGG, SqlKind.ARRAY_AGG, SqlKind.COLLECT,
      SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE);

  private CollectingAggregates() {}

  /** Whether {@code call} is one of these aggregates. */
  static boolean handles(AggregateCall call) {
    return KINDS.contains(call.getAggregation().getKind());
  }

  /** The function of {@code call} over rows of {@code inputType}; {@code retract}: the input is a changelog. */
  static AggFunction of(AggregateCall call, RelDataType inputType, boolean retract) {
    int field = call.getArgList().get(0);
    TypeInformation<?> valueInfo = TypeInfos.of(SpateTypeFactory.toLogicalType(
        inputType.getFieldList().get(field).getType()));
    int filter = call.filterArg;
    switch (call.getAggregation().getKind()) {
      case LISTAGG:
        return CollectingAggFunctions.listAgg(field, filter, call.getArgList().size() > 1 ? call.getArgList().get(1) : -1,
            valueInfo);
      case ARRAY_AGG:
        return CollectingAggFunctions.arrayAgg(field, filter, call.ignoreNulls(), valueInfo);
      case COLLECT:
        return CollectingAggFunctions.collect(field, filter, valueInfo);
      default:
        return CollectingAggFunctions.firstOrLastValue(field, filter,
            call.getAggregation().getKind() == SqlKind.LAST_VALUE, retract, valueInfo);
    }
  }
}
