package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.Optionality;

/**
 * Flink's {@code FIRST_VALUE} and {@code LAST_VALUE}: aggregates of a {@code GROUP BY} or a window
 * aggregate as well as OVER window functions (Calcite's own need an OVER clause).
 */
@Internal
public final class FirstLastValueFunctions {

  /** {@code FIRST_VALUE(value)}: the first non-NULL value of the group or window. */
  public static final SqlAggFunction FIRST_VALUE = new GroupingFirstLastValue(SqlKind.FIRST_VALUE);

  /** {@code LAST_VALUE(value)}: the last non-NULL value of the group or window. */
  public static final SqlAggFunction LAST_VALUE = new GroupingFirstLastValue(SqlKind.LAST_VALUE);

  private FirstLastValueFunctions() {}

  /** Calcite's function without its need for an OVER clause. */
  private static final class GroupingFirstLastValue extends SqlAggFunction {
    GroupingFirstLastValue(SqlKind kind) {
      super(kind.name(), null, kind, ReturnTypes.ARG0_NULLABLE_IF_EMPTY, null, OperandTypes.ANY,
          SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN);
    }
  }
}
