package io.spate.runtime.operators;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.functions.FilterFunction;

/** Runs a {@link FilterFunction}. */
public final class FilterOperator<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {

  private final FilterFunction<T> function;

  /** Creates the operator. */
  public FilterOperator(FilterFunction<T> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    enterKeyOf(value);
    if (function.filter(value)) {
      output.collect(value, timestamp);
    }
  }
}
