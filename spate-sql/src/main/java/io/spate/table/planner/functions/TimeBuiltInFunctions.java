package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's built-in time functions that Calcite's standard operators and {@link FlinkFunctions} lack:
 * {@code TO_DATE}, {@code CONVERT_TZ}, {@code NOW()} and {@code CURRENT_ROW_TIMESTAMP()}, the last
 * two evaluated for each record.
 */
@Internal
public final class TimeBuiltInFunctions {

  private static final SqlTypeFamily STRING = SqlTypeFamily.CHARACTER;
  private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.TIMEDATE;

  private TimeBuiltInFunctions() {}

  /** The functions, to chain into the planner's operator table. */
  public static List<SqlOperator> operators() {
    return List.of(
        BuiltInFunction.of("TO_DATE", binding -> binding.getTypeFactory().createTypeWithNullability(
                binding.getTypeFactory().createSqlType(SqlTypeName.DATE), true),
            OperandTypes.or(OperandTypes.family(STRING), OperandTypes.family(STRING, STRING)), CATEGORY),
        BuiltInFunction.of("CONVERT_TZ", BuiltInFunction.nullableString(),
            OperandTypes.family(STRING, STRING, STRING), CATEGORY),
        BuiltInFunction.perRecord("NOW", binding -> binding.getTypeFactory().createSqlType(
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC, CATEGORY),
        BuiltInFunction.perRecord("CURRENT_ROW_TIMESTAMP", binding -> binding.getTypeFactory().createSqlType(
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC, CATEGORY));
  }
}
