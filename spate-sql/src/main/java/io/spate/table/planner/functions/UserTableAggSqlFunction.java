package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.api.ValidationException;
import io.spate.table.functions.TableAggregateFunction;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Optionality;

/**
 * A user's {@link TableAggregateFunction} as a SQL aggregate whose value, per group, stands for the
 * rows the function emits: its {@code accumulate} methods give its signatures, its generic result
 * type (or {@link FunctionHint#output()}) the type of one emitted row. The planner turns an aggregate
 * that calls one into a {@code GroupTableAggregate}, which emits the rows.
 */
@Internal
public final class UserTableAggSqlFunction extends SqlAggFunction {

  private final TableAggregateFunction<?, ?> function;
  private final List<FunctionSignature> accumulate;
  private final LogicalType resultType;

  private UserTableAggSqlFunction(String name, TableAggregateFunction<?, ?> function,
      List<FunctionSignature> accumulate, LogicalType resultType) {
    // With its identifier, an unparsed call (a view's expanded text) keeps the name quoted.
    super(name, new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, binding -> {
      SpateTypeFactory types = (SpateTypeFactory) binding.getTypeFactory();
      return types.createTypeWithNullability(types.createFieldTypeFromLogicalType(resultType), true);
    }, null, new SignatureChecker(accumulate), SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false,
        Optionality.FORBIDDEN);
    this.function = function;
    this.accumulate = accumulate;
    this.resultType = resultType;
  }

  /** {@code function} under the SQL name {@code name}; a class that cannot run fails naming what it lacks. */
  public static UserTableAggSqlFunction of(String name, TableAggregateFunction<?, ?> function) {
    Class<?> type = function.getClass();
    String where = type.getSimpleName();
    FunctionHint hint = type.getAnnotation(FunctionHint.class);
    LogicalType result;
    if (hint != null && !hint.output().value().isEmpty()) {
      result = FunctionSignature.typeOf(Object.class, hint.output(), "the rows of " + where);
    } else {
      result = typeOf(genericArgument(type, 0), "the rows of " + where + " (the T of TableAggregateFunction<T, ACC>)");
    }
    List<FunctionSignature> signatures = FunctionSignature.of(type, "accumulate", 1, result);
    Class<?> accumulator = accumulatorClass(function);
    for (FunctionSignature signature : signatures) {
      Class<?> declared = signature.method().getParameterTypes().length == 0 ? null
          : signature.method().getParameterTypes()[0];
      if (declared == null || !declared.isAssignableFrom(accumulator)) {
        throw new ValidationException("The accumulator of " + type.getName() + " is a " + accumulator.getName()
            + " (what createAccumulator returns), but " + signature.method().getName() + "("
            + (declared == null ? "" : declared.getSimpleName() + ", ...") + ") does not take it first");
      }
    }
    if (emitMethod(type, accumulator, "emitUpdateWithRetract", TableAggregateFunction.RetractableCollector.class) == null
        && emitMethod(type, accumulator, "emitValue", Collector.class) == null) {
      throw new ValidationException("Table aggregate function " + type.getName() + " has no public method emitValue("
          + accumulator.getSimpleName() + " acc, Collector<T> out) or emitUpdateWithRetract(" + accumulator
          .getSimpleName() + " acc, RetractableCollector<T> out); it needs one to give its rows");
    }
    return new UserTableAggSqlFunction(name, function, signatures, result);
  }

  /** The user's function. */
  public TableAggregateFunction<?, ?> function() {
    return function;
  }

  /** The SQL type of one emitted row: a {@code ROW}, or a single value for one column. */
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

  /**
   * The function's public {@code name(ACC, collector)} method for an accumulator of class {@code
   * accumulator}, or null: the collector parameter may be {@code collector} or a supertype of it.
   */
  public static Method emitMethod(Class<?> type, Class<?> accumulator, String name, Class<?> collector) {
    for (Method method : type.getMethods()) {
      Class<?>[] parameters = method.getParameterTypes();
      if (method.getName().equals(name) && !method.isBridge() && parameters.length == 2
          && parameters[0].isAssignableFrom(accumulator) && parameters[1].isAssignableFrom(collector)) {
        return method;
      }
    }
    return null;
  }

  /** The class of the function's accumulators, from {@code createAccumulator}. */
  public static Class<?> accumulatorClass(TableAggregateFunction<?, ?> function) {
    Object accumulator = function.createAccumulator();
    if (accumulator == null) {
      throw new ValidationException("createAccumulator of " + function.getClass().getName() + " returned null");
    }
    return accumulator.getClass();
  }

  private static LogicalType typeOf(Type type, String where) {
    if (type instanceof Class<?> c) {
      return FunctionSignature.typeOf(c, null, where);
    }
    try {
      return TypeInfos.toLogicalType(TypeExtractor.createTypeInfo(type), where);
    } catch (RuntimeException e) {
      throw new ValidationException("Cannot tell the SQL type of " + where + " (" + type.getTypeName() + "); give it"
          + " with @FunctionHint(output = @DataTypeHint(\"...\"))", e);
    }
  }

  /** The {@code index}-th type argument {@code type} gives {@code TableAggregateFunction}. */
  private static Type genericArgument(Class<?> type, int index) {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      Type superType = current.getGenericSuperclass();
      if (superType instanceof ParameterizedType parameterized
          && parameterized.getRawType() == TableAggregateFunction.class) {
        Type argument = parameterized.getActualTypeArguments()[index];
        if (argument instanceof Class<?> || argument instanceof ParameterizedType) {
          return argument;
        }
      }
    }
    throw new ValidationException("Cannot tell the row type of " + type.getName() + ": extend TableAggregateFunction"
        + " with concrete types, or give them with @FunctionHint(output = @DataTypeHint(\"...\"))");
  }
}
