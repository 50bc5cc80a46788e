package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.FilterFunction;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;

/** Runs a {@link FilterFunction} ({@code DataStream.filter}). Internal: built by the API, not a stable interface. */
@Internal
public final class FilterOperator<T> extends AbstractUdfStreamOperator<T, FilterFunction<T>>
    implements OneInputStreamOperator<T, T> {

  private static final long serialVersionUID = 1L;

  /** Creates the operator. */
  public FilterOperator(FilterFunction<T> function) {
    super(function);
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    if (userFunction.filter(value)) {
      output.collect(value, timestamp);
    }
  }
}
