package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * The operand check of a built-in function that answers a call with the wrong number of arguments
 * as it answers one with the wrong types: naming the function, the argument types given and the
 * signatures it has, rather than Calcite's "no match found".
 */
@Internal
final class BuiltInOperands implements SqlOperandTypeChecker {

  private final SqlOperandTypeChecker signatures;

  BuiltInOperands(SqlOperandTypeChecker signatures) {
    this.signatures = signatures;
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    if (!signatures.getOperandCountRange().isValidCount(binding.getOperandCount())) {
      if (throwOnFailure) {
        throw binding.newValidationSignatureError();
      }
      return false;
    }
    return signatures.checkOperandTypes(binding, throwOnFailure);
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.any();
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    return signatures.getAllowedSignatures(op, opName);
  }

  @Override
  public boolean isOptional(int i) {
    return signatures.isOptional(i);
  }
}
