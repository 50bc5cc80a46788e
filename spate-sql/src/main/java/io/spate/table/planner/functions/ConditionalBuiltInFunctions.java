package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's built-in conditional and comparison functions: {@code IF}, {@code IFNULL}, {@code
 * GREATEST}, {@code LEAST} and {@code TYPEOF}, with Flink's result types (the arguments' least common
 * type).
 */
@Internal
public final class ConditionalBuiltInFunctions {

  private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.SYSTEM;

  /** {@code TYPEOF(input [, force_serializable])}: the input's type as text. */
  static final SqlOperator TYPEOF = BuiltInFunction.of("TYPEOF", binding -> binding.getTypeFactory()
      .createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), new TypeOfOperands(), CATEGORY);

  private ConditionalBuiltInFunctions() {}

  /** The functions, to chain into the planner's operator table. */
  public static List<SqlOperator> operators() {
    return List.of(
        BuiltInFunction.of("IF", ConditionalBuiltInFunctions::ifType,
            new CommonTypeOperands(1, SqlOperandCountRanges.of(3), "'IF(<BOOLEAN>, <T>, <T>)'"), CATEGORY),
        BuiltInFunction.of("IFNULL", ConditionalBuiltInFunctions::ifNullType,
            new CommonTypeOperands(0, SqlOperandCountRanges.of(2), "'IFNULL(<T>, <T>)'"), CATEGORY),
        BuiltInFunction.of("GREATEST", ConditionalBuiltInFunctions::extremeType,
            new CommonTypeOperands(0, SqlOperandCountRanges.from(1), "'GREATEST(<T>, <T>, ...)'"), CATEGORY),
        BuiltInFunction.of("LEAST", ConditionalBuiltInFunctions::extremeType,
            new CommonTypeOperands(0, SqlOperandCountRanges.from(1), "'LEAST(<T>, <T>, ...)'"), CATEGORY),
        TYPEOF);
  }

  /** The branches' common type; nullable if the condition or a branch is, as in Flink. */
  private static RelDataType ifType(SqlOperatorBinding binding) {
    return BuiltInFunction.nullableIfArgs(binding, CommonTypeOperands.commonType(binding, 1));
  }

  /** The common type, NULL only if the replacement may be. */
  private static RelDataType ifNullType(SqlOperatorBinding binding) {
    RelDataType common = CommonTypeOperands.commonType(binding, 0);
    return binding.getTypeFactory().createTypeWithNullability(common, binding.getOperandType(1).isNullable());
  }

  /** The common type, NULL if any argument may be. */
  private static RelDataType extremeType(SqlOperatorBinding binding) {
    return BuiltInFunction.nullableIfArgs(binding, CommonTypeOperands.commonType(binding, 0));
  }

  /** Any input, and optionally the {@code BOOLEAN} force_serializable flag. */
  private static final class TypeOfOperands extends CommonTypeOperands {
    TypeOfOperands() {
      super(2, SqlOperandCountRanges.between(1, 2), "'TYPEOF(<ANY>)' 'TYPEOF(<ANY>, <BOOLEAN>)'");
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      return binding.getOperandCount() == 1 || super.checkOperandTypes(binding, throwOnFailure);
    }
  }
}
