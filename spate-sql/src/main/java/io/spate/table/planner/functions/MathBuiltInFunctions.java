package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's built-in math functions that Calcite's standard operators lack or type differently: {@code LOG}
 * (one or two arguments), {@code LOG2}, {@code ROUND} and {@code TRUNCATE}.
 */
@Internal
public final class MathBuiltInFunctions {

  /**
   * {@code TRUNCATE(x [, n])} with Flink's result type: the type of {@code x}, except that a {@code
   * DECIMAL(p, s)} cut to a literal {@code n < s} places becomes {@code DECIMAL(1 + p - s + n, n)}, or
   * {@code DECIMAL(1 + p - s, 0)} for a negative {@code n}; nullable when an argument is.
   */
  public static final SqlOperator TRUNCATE = BuiltInFunction.of("TRUNCATE", MathBuiltInFunctions::cutType,
      OperandTypes.or(OperandTypes.NUMERIC_INTEGER, OperandTypes.NUMERIC), SqlFunctionCategory.NUMERIC);

  /**
   * {@code ROUND(x [, n])} with Flink's result type, the same as {@link #TRUNCATE}'s: a {@code DECIMAL(p, s)}
   * rounded to a literal {@code n < s} places (0 without {@code n}) becomes {@code DECIMAL(1 + p - s + n, n)}
   * (rounding may carry into a new digit), or {@code DECIMAL(1 + p - s, 0)} for a negative {@code n}.
   */
  public static final SqlOperator ROUND = BuiltInFunction.of("ROUND", MathBuiltInFunctions::cutType,
      OperandTypes.or(OperandTypes.NUMERIC_INTEGER, OperandTypes.NUMERIC), SqlFunctionCategory.NUMERIC);

  private MathBuiltInFunctions() {}

  /** The type of {@code x} cut (by TRUNCATE or ROUND) to the literal number of places of the call. */
  private static RelDataType cutType(SqlOperatorBinding binding) {
    RelDataType number = binding.getOperandType(0);
    Integer places = binding.getOperandCount() == 1 ? Integer.valueOf(0) : literalPlaces(binding);
    RelDataType type = number;
    if (number.getSqlTypeName() == SqlTypeName.DECIMAL && places != null && places < number.getScale()) {
      int integerDigits = number.getPrecision() - number.getScale();
      type = places < 0
          ? binding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, Math.min(38, 1 + integerDigits), 0)
          : binding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 1 + integerDigits + places, places);
    }
    return BuiltInFunction.nullableIfArgs(binding, type);
  }

  /** The number of places when the call gives it as a literal, else null (the type of {@code x} stays). */
  private static Integer literalPlaces(SqlOperatorBinding binding) {
    try {
      BigDecimal places = binding.getOperandLiteralValue(1, BigDecimal.class);
      return places == null ? null : places.intValueExact();
    } catch (RuntimeException notALiteral) {
      return null;
    }
  }

  /**
   * The functions, to chain into the planner's operator table ({@link #TRUNCATE} and {@link #ROUND} take the
   * place of Calcite's instead).
   */
  public static List<SqlOperator> operators() {
    return List.of(
        BuiltInFunction.of("LOG", BuiltInFunction.ofType(SqlTypeName.DOUBLE),
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.NUMERIC),
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC)), SqlFunctionCategory.NUMERIC),
        BuiltInFunction.of("LOG2", BuiltInFunction.ofType(SqlTypeName.DOUBLE),
            OperandTypes.family(SqlTypeFamily.NUMERIC), SqlFunctionCategory.NUMERIC));
  }
}
