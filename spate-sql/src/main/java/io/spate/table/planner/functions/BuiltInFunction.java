package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One of Flink's built-in scalar functions as Calcite sees it: a name, Flink's signatures and result
 * type; a wrong call names the function and its signatures. The expression compiler evaluates it by
 * name.
 */
@Internal
final class BuiltInFunction extends SqlFunction {

  private final boolean deterministic;

  private BuiltInFunction(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands,
      SqlFunctionCategory category, boolean deterministic) {
    super(name, SqlKind.OTHER_FUNCTION, returnType, null, new BuiltInOperands(operands), category);
    this.deterministic = deterministic;
  }

  /** A deterministic function. */
  static BuiltInFunction of(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands,
      SqlFunctionCategory category) {
    return new BuiltInFunction(name, returnType, operands, category, true);
  }

  /** A function whose result may differ per call (per record), never folded while planning. */
  static BuiltInFunction perRecord(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands,
      SqlFunctionCategory category) {
    return new BuiltInFunction(name, returnType, operands, category, false);
  }

  @Override
  public boolean isDeterministic() {
    return deterministic;
  }

  @Override
  public boolean isDynamicFunction() {
    return !deterministic;
  }

  /** A {@code STRING} (or {@code CHAR(n)}) result, nullable when an argument is. */
  static SqlReturnTypeInference string() {
    return binding -> nullableIfArgs(binding, binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR,
        Integer.MAX_VALUE));
  }

  /** A {@code STRING} result that may be NULL for non-NULL arguments. */
  static SqlReturnTypeInference nullableString() {
    return binding -> binding.getTypeFactory().createTypeWithNullability(
        binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true);
  }

  /** A {@code CHAR(length)} result, nullable when an argument is. */
  static SqlReturnTypeInference fixedChar(int length) {
    return binding -> nullableIfArgs(binding, binding.getTypeFactory().createSqlType(SqlTypeName.CHAR, length));
  }

  /** A result of {@code type}, nullable when an argument is. */
  static SqlReturnTypeInference ofType(SqlTypeName type) {
    return binding -> nullableIfArgs(binding, binding.getTypeFactory().createSqlType(type));
  }

  /** {@code type}, nullable when one of the arguments is. */
  static RelDataType nullableIfArgs(SqlOperatorBinding binding, RelDataType type) {
    boolean nullable = false;
    for (int i = 0; i < binding.getOperandCount(); i++) {
      nullable |= binding.getOperandType(i).isNullable();
    }
    return binding.getTypeFactory().createTypeWithNullability(type, nullable);
  }
}
