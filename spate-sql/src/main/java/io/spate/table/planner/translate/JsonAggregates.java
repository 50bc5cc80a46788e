package io.spate.table.planner.translate;

import io.spate.table.planner.codegen.ValueTypes;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.JsonAggFunctions;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlJsonArrayAggAggFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectAggAggFunction;

/** Plans {@code JSON_ARRAYAGG} and {@code JSON_OBJECTAGG} calls of a {@code GROUP BY} or window aggregate. */
final class JsonAggregates {

  private JsonAggregates() {}

  /** Whether {@code call} is a JSON aggregate. */
  static boolean handles(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return kind == SqlKind.JSON_ARRAYAGG || kind == SqlKind.JSON_OBJECTAGG;
  }

  static AggFunction of(AggregateCall call, RelDataType inputType) {
    if (call.getAggregation() instanceof SqlJsonArrayAggAggFunction arrayAgg) {
      int field = call.getArgList().get(0);
      return JsonAggFunctions.arrayAgg(field, call.filterArg,
          ValueTypes.of(inputType.getFieldList().get(field).getType()),
          arrayAgg.getNullClause() == SqlJsonConstructorNullClause.ABSENT_ON_NULL);
    }
    SqlJsonObjectAggAggFunction objectAgg = (SqlJsonObjectAggAggFunction) call.getAggregation();
    int key = call.getArgList().get(0);
    int value = call.getArgList().get(1);
    return JsonAggFunctions.objectAgg(key, value, call.filterArg,
        ValueTypes.of(inputType.getFieldList().get(value).getType()),
        objectAgg.getNullClause() == SqlJsonConstructorNullClause.ABSENT_ON_NULL);
  }
}
