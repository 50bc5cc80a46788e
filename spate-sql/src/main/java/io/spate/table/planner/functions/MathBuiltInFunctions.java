package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** Flink's built-in math functions that Calcite's standard operators lack: {@code LOG} (one or two arguments) and {@code LOG2}. */
@Internal
public final class MathBuiltInFunctions {

  private MathBuiltInFunctions() {}

  /** The functions, to chain into the planner's operator table. */
  public static List<SqlOperator> operators() {
    return List.of(
        BuiltInFunction.of("LOG", BuiltInFunction.ofType(SqlTypeName.DOUBLE),
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.NUMERIC),
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC)), SqlFunctionCategory.NUMERIC),
        BuiltInFunction.of("LOG2", BuiltInFunction.ofType(SqlTypeName.DOUBLE),
            OperandTypes.family(SqlTypeFamily.NUMERIC), SqlFunctionCategory.NUMERIC));
  }
}
