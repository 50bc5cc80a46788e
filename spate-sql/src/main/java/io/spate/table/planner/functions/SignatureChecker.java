package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.types.logical.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * Checks a call of a user-defined function against its methods' signatures: the call is valid when
 * one method takes its argument types, and a wrong call lists the methods there are.
 */
@Internal
final class SignatureChecker implements SqlOperandTypeChecker {

  private final List<FunctionSignature> signatures;

  SignatureChecker(List<FunctionSignature> signatures) {
    this.signatures = signatures;
  }

  /** The signature a call with {@code binding}'s operand types calls, or null. */
  FunctionSignature choose(SqlOperatorBinding binding) {
    return FunctionSignature.choose(signatures, argumentTypes(binding));
  }

  /** The SQL types of {@code binding}'s operands. */
  static List<LogicalType> argumentTypes(SqlOperatorBinding binding) {
    List<LogicalType> types = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      types.add(SpateTypeFactory.toLogicalType(binding.getOperandType(i)));
    }
    return types;
  }

  /** The SQL types of {@code types}. */
  static List<LogicalType> logicalTypes(List<RelDataType> types) {
    return types.stream().map(SpateTypeFactory::toLogicalType).toList();
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    if (choose(binding) != null) {
      return true;
    }
    if (throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return false;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    boolean unbounded = false;
    for (FunctionSignature signature : signatures) {
      int fixed = signature.varargs() ? signature.parameters().size() - 1 : signature.parameters().size();
      min = Math.min(min, fixed);
      max = Math.max(max, fixed);
      unbounded |= signature.varargs();
    }
    return unbounded ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    return signatures.stream().map(s -> opName + s.describe().substring(s.method().getName().length()))
        .collect(Collectors.joining("\n"));
  }
}
