package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.api.ValidationException;
import io.spate.table.functions.AggregateFunction;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.types.logical.LogicalType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Optionality;

/**
 * A user's {@link AggregateFunction} as a SQL aggregate: its {@code accumulate} methods give its
 * signatures, its generic result type (or {@link FunctionHint#output()}) the result type.
 */
@Internal
public final class UserAggSqlFunction extends SqlAggFunction {

  private final AggregateFunction<?, ?> function;
  private final List<FunctionSignature> accumulate;
  private final LogicalType resultType;

  private UserAggSqlFunction(String name, AggregateFunction<?, ?> function, List<FunctionSignature> accumulate,
      LogicalType resultType) {
    // The identifier makes the function's name what plans, errors and the stored text of views show.
    super(name, new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, binding -> {
      SpateTypeFactory types = (SpateTypeFactory) binding.getTypeFactory();
      return types.createTypeWithNullability(types.createFieldTypeFromLogicalType(resultType), true);
    }, null, new SignatureChecker(accumulate), SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false,
        Optionality.FORBIDDEN);
    this.function = function;
    this.accumulate = accumulate;
    this.resultType = resultType;
  }

  /** {@code function} under the SQL name {@code name}. */
  public static UserAggSqlFunction of(String name, AggregateFunction<?, ?> function) {
    Class<?> type = function.getClass();
    FunctionHint hint = type.getAnnotation(FunctionHint.class);
    LogicalType result;
    if (hint != null && !hint.output().value().isEmpty()) {
      result = FunctionSignature.typeOf(Object.class, hint.output(), "the result of " + type.getSimpleName());
    } else {
      result = FunctionSignature.typeOf(genericArgument(type, 0), null, "the result of " + type.getSimpleName()
          + " (the T of AggregateFunction<T, ACC>)");
    }
    return new UserAggSqlFunction(name, function, FunctionSignature.of(type, "accumulate", 1, result), result);
  }

  /** The user's function. */
  public AggregateFunction<?, ?> function() {
    return function;
  }

  /** The SQL type of the function's result. */
  public LogicalType resultType() {
    return resultType;
  }

  /** The hint on the function's class for its accumulator type, or null. */
  public DataTypeHint accumulatorHint() {
    FunctionHint hint = function.getClass().getAnnotation(FunctionHint.class);
    return hint == null || hint.accumulator().value().isEmpty() ? null : hint.accumulator();
  }

  /** The {@code accumulate} method a call with arguments of {@code argumentTypes} calls. */
  public FunctionSignature signatureFor(List<RelDataType> argumentTypes) {
    return FunctionSignature.choose(accumulate, SignatureChecker.logicalTypes(argumentTypes));
  }

  /** The {@code index}-th type argument {@code type} gives {@code AggregateFunction}, as a class. */
  private static Class<?> genericArgument(Class<?> type, int index) {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      Type superType = current.getGenericSuperclass();
      if (superType instanceof ParameterizedType parameterized
          && parameterized.getRawType() == AggregateFunction.class) {
        Type argument = parameterized.getActualTypeArguments()[index];
        if (argument instanceof Class<?> c) {
          return c;
        }
        if (argument instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
          return raw;
        }
      }
    }
    throw new ValidationException("Cannot tell the result type of " + type.getName() + ": extend AggregateFunction"
        + " with concrete types, or give them with @FunctionHint(output = @DataTypeHint(\"...\"))");
  }
}
