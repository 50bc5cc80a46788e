package io.spate.table.runtime.functions;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.functions.AggregateFunction;
import io.spate.table.runtime.operators.aggregate.AggFunction;

/**
 * A user's {@link AggregateFunction} as one aggregate of a {@code GROUP BY} or a window: its
 * {@code accumulate} (and {@code retract}) methods change the accumulator in place with the call's
 * argument fields of each row (rows the call's {@code FILTER} rejects are skipped).
 */
@Internal
public final class UserAggFunction implements AggFunction {

  private static final long serialVersionUID = 1L;

  private final OpenedFunction function;
  private final FunctionInvoker accumulate;
  private final FunctionInvoker retract;
  private final FunctionInvoker merge;
  private final int[] arguments;
  private final int filter;
  private final TypeInformation<?> accumulatorType;

  /**
   * The aggregate calling {@code accumulate}, {@code retract} and {@code merge} (null if the function
   * has none) with the input fields {@code arguments}; {@code filter} is the field of the call's
   * FILTER, or -1.
   */
  public UserAggFunction(FunctionInvoker accumulate, FunctionInvoker retract, FunctionInvoker merge, int[] arguments,
      int filter, TypeInformation<?> accumulatorType) {
    this.function = accumulate.function();
    this.accumulate = accumulate;
    this.retract = retract;
    this.merge = merge;
    this.arguments = arguments;
    this.filter = filter;
    this.accumulatorType = accumulatorType;
  }

  @Override
  public TypeInformation<?> accumulatorType() {
    return accumulatorType;
  }

  @Override
  public Object createAccumulator() {
    return aggregate().createAccumulator();
  }

  @Override
  public Object accumulate(Object acc, Row input) {
    return call(accumulate, acc, input);
  }

  @Override
  public Object retract(Object acc, Row input) {
    if (retract == null) {
      throw new TableException("Function " + function.get().functionIdentifier() + " has no retract method, which"
          + " an aggregate over a changelog needs");
    }
    return call(retract, acc, input);
  }

  @Override
  public boolean canMerge() {
    return merge != null;
  }

  /** Calls the function's {@code merge(acc, Iterable<ACC> others)} with {@code other} as the only other. */
  @Override
  public Object merge(Object acc, Object other) {
    if (merge == null) {
      return AggFunction.super.merge(acc, other);
    }
    merge.invoke(acc, java.util.List.of(other));
    return acc;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object getValue(Object acc) {
    return ((AggregateFunction) aggregate()).getValue(acc);
  }

  private Object call(FunctionInvoker method, Object acc, Row input) {
    if (filter >= 0 && !Boolean.TRUE.equals(input.getField(filter))) {
      return acc;
    }
    Object[] values = new Object[arguments.length + 1];
    values[0] = acc;
    for (int i = 0; i < arguments.length; i++) {
      values[i + 1] = input.getField(arguments[i]);
    }
    method.invoke(values);
    return acc;
  }

  private AggregateFunction<?, ?> aggregate() {
    return (AggregateFunction<?, ?>) function.get();
  }
}
