package io.spate.runtime.source;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.source.Source;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;

/**
 * The factory of a source node's operator: the runtime translates each source transformation into
 * one when the stream graph becomes nodes.
 *
 * @param source the source
 * @param watermarkStrategy how the source's records get timestamps and watermarks
 * @param <T> the record type
 */
@Internal
public record SourceOperatorFactory<T>(Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy)
    implements StreamOperatorFactory<T> {

  @Override
  @SuppressWarnings("unchecked")
  public <O extends StreamOperator<T>> O createStreamOperator(StreamOperatorParameters<T> parameters) {
    SourceOperator<T, ?> operator = new SourceOperator<>(source, watermarkStrategy);
    operator.setup(parameters);
    return (O) operator;
  }

  @Override
  public boolean isStreamSource() {
    return true;
  }
}
