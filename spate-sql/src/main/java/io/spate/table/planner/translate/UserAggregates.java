package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.table.api.ValidationException;
import io.spate.table.functions.AggregateFunction;
import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.planner.functions.UserAggSqlFunction;
import io.spate.table.runtime.functions.FunctionInvoker;
import io.spate.table.runtime.functions.OpenedFunction;
import io.spate.table.runtime.functions.UserAggFunction;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.typeutils.TypeInfos;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/** The runtime aggregate of a call of a user's {@link AggregateFunction}. */
@Internal
final class UserAggregates {

  private UserAggregates() {}

  /** The aggregate of {@code call} over rows of {@code inputType}; {@code retract} if the input is a changelog. */
  static AggFunction of(UserAggSqlFunction sqlFunction, AggregateCall call, RelDataType inputType, boolean retract) {
    List<RelDataType> argumentTypes = new ArrayList<>();
    for (int argument : call.getArgList()) {
      argumentTypes.add(inputType.getFieldList().get(argument).getType());
    }
    FunctionSignature signature = sqlFunction.signatureFor(argumentTypes);
    if (signature == null) {
      throw new ValidationException("No accumulate method of " + sqlFunction.function().functionIdentifier()
          + " takes " + call);
    }
    AggregateFunction<?, ?> function = sqlFunction.function();
    OpenedFunction opened = new OpenedFunction(function);
    FunctionInvoker retractInvoker = null;
    if (retract) {
      Method method = retractMethod(function, signature.method());
      if (method == null) {
        throw new ValidationException("The aggregate " + call + " runs over a changelog (its input has updates), so "
            + function.functionIdentifier() + " needs a public retract method with the parameters of its "
            + signature.method().getName() + "; add one, or make the input insert-only");
      }
      retractInvoker = new FunctionInvoker(opened, method);
    }
    Method merge = mergeMethod(function, signature.method().getParameterTypes()[0]);
    return new UserAggFunction(new FunctionInvoker(opened, signature.method()), retractInvoker,
        merge == null ? null : new FunctionInvoker(opened, merge), call.getArgList().stream().mapToInt(Integer::intValue).toArray(), call.filterArg,
        accumulatorType(sqlFunction));
  }

  private static Method retractMethod(AggregateFunction<?, ?> function, Method accumulate) {
    try {
      return function.getClass().getMethod("retract", accumulate.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The function's {@code merge(ACC, Iterable)}, which lets windows share slices, or null. */
  private static Method mergeMethod(AggregateFunction<?, ?> function, Class<?> accumulator) {
    try {
      return function.getClass().getMethod("merge", accumulator, Iterable.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static TypeInformation<?> accumulatorType(UserAggSqlFunction sqlFunction) {
    if (sqlFunction.accumulatorHint() != null) {
      return TypeInfos.of(FunctionSignature.typeOf(Object.class, sqlFunction.accumulatorHint(),
          "the accumulator of " + sqlFunction.function().functionIdentifier()));
    }
    Object accumulator = sqlFunction.function().createAccumulator();
    if (accumulator == null) {
      throw new ValidationException("createAccumulator of " + sqlFunction.function().functionIdentifier()
          + " returned null");
    }
    return TypeInformation.of(accumulator.getClass());
  }
}
