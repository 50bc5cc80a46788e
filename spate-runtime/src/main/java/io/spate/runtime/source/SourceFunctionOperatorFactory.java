package io.spate.runtime.source;

import io.spate.api.functions.source.SourceFunction;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;

/**
 * The factory of the operator of a source node that runs a legacy {@link SourceFunction}.
 *
 * @param function the function
 * @param <T> the record type
 */
public record SourceFunctionOperatorFactory<T>(SourceFunction<T> function) implements StreamOperatorFactory<T> {

  @Override
  @SuppressWarnings("unchecked")
  public <O extends StreamOperator<T>> O createStreamOperator(StreamOperatorParameters<T> parameters) {
    SourceFunctionOperator<T> operator = new SourceFunctionOperator<>(function);
    operator.setup(parameters);
    return (O) operator;
  }

  @Override
  public boolean isStreamSource() {
    return true;
  }

  @Override
  public boolean isLegacySource() {
    return true;
  }
}
