package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.functions.ScalarFunction;
import io.spate.table.planner.calcite.SpateTypeFactory;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;

/** A user's {@link ScalarFunction} as a SQL function: its {@code eval} methods give its signatures and result types. */
@Internal
public final class UserScalarSqlFunction extends SqlFunction {

  private final ScalarFunction function;
  private final List<FunctionSignature> signatures;

  private UserScalarSqlFunction(String name, ScalarFunction function, SignatureChecker checker,
      List<FunctionSignature> signatures) {
    super(name, SqlKind.OTHER_FUNCTION, binding -> {
      FunctionSignature chosen = checker.choose(binding);
      SpateTypeFactory types = (SpateTypeFactory) binding.getTypeFactory();
      RelDataType result = types.createFieldTypeFromLogicalType(chosen == null ? signatures.get(0).result()
          : chosen.result());
      return types.createTypeWithNullability(result, true);
    }, null, checker, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.function = function;
    this.signatures = signatures;
  }

  /** {@code function} under the SQL name {@code name}. */
  public static UserScalarSqlFunction of(String name, ScalarFunction function) {
    List<FunctionSignature> signatures = FunctionSignature.of(function.getClass(), "eval", 0, null);
    return new UserScalarSqlFunction(name, function, new SignatureChecker(signatures), signatures);
  }

  /** The user's function. */
  public ScalarFunction function() {
    return function;
  }

  /** The {@code eval} method a call with arguments of {@code argumentTypes} calls. */
  public FunctionSignature signatureFor(List<RelDataType> argumentTypes) {
    return FunctionSignature.choose(signatures, SignatureChecker.logicalTypes(argumentTypes));
  }

  @Override
  public boolean isDeterministic() {
    return function.isDeterministic();
  }
}
