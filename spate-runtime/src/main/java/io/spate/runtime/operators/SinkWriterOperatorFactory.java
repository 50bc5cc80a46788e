package io.spate.runtime.operators;

import io.spate.api.connector.sink.Sink;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;

/**
 * The factory of a sink node's writer operator: the runtime translates each sink transformation into
 * one when the stream graph becomes nodes.
 *
 * @param sink the sink
 * @param <T> the record type
 */
public record SinkWriterOperatorFactory<T>(Sink<T> sink) implements StreamOperatorFactory<Object> {

  @Override
  @SuppressWarnings("unchecked")
  public <O extends StreamOperator<Object>> O createStreamOperator(StreamOperatorParameters<Object> parameters) {
    SinkWriterOperator<T> operator = new SinkWriterOperator<>(sink);
    operator.setup(parameters);
    return (O) operator;
  }
}
