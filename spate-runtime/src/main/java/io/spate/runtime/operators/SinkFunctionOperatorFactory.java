package io.spate.runtime.operators;

import io.spate.api.functions.sink.SinkFunction;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;

/**
 * The factory of the operator of a sink node that calls a legacy {@link SinkFunction}.
 *
 * @param function the function
 * @param <T> the record type
 */
public record SinkFunctionOperatorFactory<T>(SinkFunction<T> function) implements StreamOperatorFactory<Object> {

  @Override
  @SuppressWarnings("unchecked")
  public <O extends StreamOperator<Object>> O createStreamOperator(StreamOperatorParameters<Object> parameters) {
    SinkFunctionOperator<T> operator = new SinkFunctionOperator<>(function);
    operator.setup(parameters);
    return (O) operator;
  }
}
