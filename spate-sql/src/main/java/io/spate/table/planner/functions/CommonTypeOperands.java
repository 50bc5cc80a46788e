package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Operands of which those from {@code first} on must have a common type (as {@code GREATEST}'s, or
 * {@code IF}'s two branches), and the one before them, if any, must be a {@code BOOLEAN}.
 */
@Internal
class CommonTypeOperands implements SqlOperandTypeChecker {

  private final int first;
  private final SqlOperandCountRange count;
  private final String signature;

  CommonTypeOperands(int first, SqlOperandCountRange count, String signature) {
    this.first = first;
    this.count = count;
    this.signature = signature;
  }

  /** The common type of {@code binding}'s operands from {@code first} on, or null if they have none. */
  static RelDataType commonType(SqlOperatorBinding binding, int first) {
    List<RelDataType> types = new ArrayList<>();
    for (int i = first; i < binding.getOperandCount(); i++) {
      types.add(binding.getOperandType(i));
    }
    return binding.getTypeFactory().leastRestrictive(types);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    boolean valid = count.isValidCount(binding.getOperandCount())
        && (first == 0 || isBoolean(binding.getOperandType(first - 1)))
        && (first >= binding.getOperandCount() || commonType(binding, first) != null);
    if (!valid && throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return valid;
  }

  private static boolean isBoolean(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.BOOLEAN || type.getSqlTypeName() == SqlTypeName.NULL;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.any();
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    return signature;
  }
}
