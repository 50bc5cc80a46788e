package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's built-in collection functions that Calcite's standard operators lack: {@code
 * ARRAY_CONTAINS} and {@code ARRAY_DISTINCT}.
 */
@Internal
public final class CollectionBuiltInFunctions {

  private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.SYSTEM;

  private CollectionBuiltInFunctions() {}

  /** The functions, to chain into the planner's operator table. */
  public static List<SqlOperator> operators() {
    return List.of(
        BuiltInFunction.of("ARRAY_CONTAINS", binding -> binding.getTypeFactory().createTypeWithNullability(
                binding.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN), binding.getOperandType(0).isNullable()),
            new ArrayAndElement(), CATEGORY),
        BuiltInFunction.of("ARRAY_DISTINCT", binding -> binding.getOperandType(0),
            OperandTypes.family(SqlTypeFamily.ARRAY), CATEGORY));
  }

  /** An array and a value comparable with its elements. */
  private static final class ArrayAndElement implements SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      boolean valid = binding.getOperandCount() == 2
          && binding.getOperandType(0).getComponentType() != null
          && comparable(binding.getOperandType(0).getComponentType(), binding.getOperandType(1), binding);
      if (!valid && throwOnFailure) {
        throw binding.newValidationSignatureError();
      }
      return valid;
    }

    private static boolean comparable(RelDataType element, RelDataType value, SqlCallBinding binding) {
      return value.getSqlTypeName() == SqlTypeName.NULL
          || binding.getTypeFactory().leastRestrictive(List.of(element, value)) != null;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.any();
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return "'ARRAY_CONTAINS(<ARRAY<T>>, <T>)'";
    }
  }
}
