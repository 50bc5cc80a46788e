package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.functions.FunctionInvoker;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeFamily;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.utils.LogicalTypeParser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One public method of a user-defined function ({@code eval}, {@code accumulate}, ...) with the SQL
 * types of its parameters and result, taken from the Java classes or their {@link DataTypeHint}s.
 * {@code leading} parameters (an aggregate's accumulator) are not SQL arguments.
 */
@Internal
public record FunctionSignature(Method method, List<LogicalType> parameters, boolean varargs, LogicalType result) {

  /**
   * The public, non-static methods named {@code name} of {@code function}'s class, skipping
   * {@code leading} parameters; {@code result} is the SQL result type (null: the methods' return
   * types). No such method is an error naming the class.
   */
  public static List<FunctionSignature> of(Class<?> function, String name, int leading, LogicalType result) {
    List<FunctionSignature> signatures = new ArrayList<>();
    Method[] methods = function.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
    for (Method method : methods) {
      if (!method.getName().equals(name) || Modifier.isStatic(method.getModifiers()) || method.isBridge()) {
        continue;
      }
      Parameter[] declared = method.getParameters();
      List<LogicalType> parameters = new ArrayList<>();
      for (int i = leading; i < declared.length; i++) {
        Class<?> type = method.isVarArgs() && i == declared.length - 1 ? declared[i].getType().getComponentType()
            : declared[i].getType();
        parameters.add(typeOf(type, declared[i].getAnnotation(DataTypeHint.class),
            "parameter " + (i - leading + 1) + " of " + describe(method)));
      }
      LogicalType returned = result != null ? result
          : typeOf(method.getReturnType(), method.getAnnotation(DataTypeHint.class), "the result of " + describe(method));
      signatures.add(new FunctionSignature(method, parameters, method.isVarArgs(), returned));
    }
    if (signatures.isEmpty()) {
      throw new ValidationException("Function class " + function.getName() + " has no public method named '" + name
          + "'" + (leading > 0 ? " (taking the accumulator first)" : ""));
    }
    return signatures;
  }

  /** The SQL type of values of Java class {@code type}, or the type {@code hint} names; {@code where} is for messages. */
  public static LogicalType typeOf(Class<?> type, DataTypeHint hint, String where) {
    if (hint != null && !hint.value().isEmpty()) {
      try {
        return LogicalTypeParser.parse(hint.value());
      } catch (RuntimeException e) {
        throw new ValidationException("The @DataTypeHint(\"" + hint.value() + "\") of " + where + " is not a type: "
            + e.getMessage(), e);
      }
    }
    if (type == void.class || type == Object.class || type == io.spate.api.types.Row.class) {
      throw new ValidationException("Cannot tell the SQL type of " + where + " (" + type.getName() + "); give it"
          + " with @DataTypeHint(\"...\")");
    }
    try {
      LogicalType logical = TypeInfos.toLogicalType(TypeInformation.of(FunctionInvoker.boxed(type)), where);
      return type.isPrimitive() ? logical.copy(false) : logical;
    } catch (RuntimeException e) {
      throw new ValidationException("Cannot tell the SQL type of " + where + " (" + type.getName() + "); give it"
          + " with @DataTypeHint(\"...\")", e);
    }
  }

  /** Whether a call with arguments of {@code arguments}' types may call this method. */
  public boolean accepts(List<LogicalType> arguments) {
    int fixed = varargs ? parameters.size() - 1 : parameters.size();
    if (varargs ? arguments.size() < fixed : arguments.size() != fixed) {
      return false;
    }
    for (int i = 0; i < arguments.size(); i++) {
      if (!fits(arguments.get(i), parameters.get(Math.min(i, parameters.size() - 1)))) {
        return false;
      }
    }
    return true;
  }

  /** The first of {@code signatures} that takes {@code arguments}, or null. */
  public static FunctionSignature choose(List<FunctionSignature> signatures, List<LogicalType> arguments) {
    for (FunctionSignature signature : signatures) {
      if (signature.accepts(arguments) && signature.exactly(arguments)) {
        return signature;
      }
    }
    for (FunctionSignature signature : signatures) {
      if (signature.accepts(arguments)) {
        return signature;
      }
    }
    return null;
  }

  private boolean exactly(List<LogicalType> arguments) {
    for (int i = 0; i < arguments.size(); i++) {
      LogicalType parameter = parameters.get(Math.min(i, parameters.size() - 1));
      if (arguments.get(i).getTypeRoot() != parameter.getTypeRoot()) {
        return false;
      }
    }
    return true;
  }

  /** Whether a value of SQL type {@code argument} may be passed where {@code parameter} is declared. */
  static boolean fits(LogicalType argument, LogicalType parameter) {
    LogicalTypeRoot from = argument.getTypeRoot();
    LogicalTypeRoot to = parameter.getTypeRoot();
    if (from == LogicalTypeRoot.NULL || from == to) {
      return true;
    }
    if (argument.is(LogicalTypeFamily.CHARACTER_STRING) && parameter.is(LogicalTypeFamily.CHARACTER_STRING)) {
      return true;
    }
    if (argument.is(LogicalTypeFamily.BINARY_STRING) && parameter.is(LogicalTypeFamily.BINARY_STRING)) {
      return true;
    }
    if (argument.is(LogicalTypeFamily.INTEGER_NUMERIC)) {
      if (parameter.is(LogicalTypeFamily.INTEGER_NUMERIC)) {
        return from.ordinal() <= to.ordinal();
      }
      return to == LogicalTypeRoot.DECIMAL || to == LogicalTypeRoot.DOUBLE || to == LogicalTypeRoot.FLOAT;
    }
    if (from == LogicalTypeRoot.DECIMAL || from == LogicalTypeRoot.FLOAT) {
      return to == LogicalTypeRoot.DOUBLE;
    }
    return false;
  }

  /** The method as a SQL user reads it, such as {@code Twice.eval(BIGINT)}. */
  public String describe() {
    String arguments = parameters.stream().map(LogicalType::asSummaryString).collect(Collectors.joining(", "));
    return method.getName() + "(" + arguments + (varargs ? "..." : "") + ")";
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
