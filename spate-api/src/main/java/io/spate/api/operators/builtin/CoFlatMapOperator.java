package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.CoFlatMapFunction;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;

/** Runs a {@link CoFlatMapFunction} ({@code ConnectedStreams.flatMap}). Internal: built by the API, not a stable interface. */
@Internal
public final class CoFlatMapOperator<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, CoFlatMapFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  private static final long serialVersionUID = 1L;

  private transient TimestampedCollector<OUT> collector;

  /** Creates the operator. */
  public CoFlatMapOperator(CoFlatMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    userFunction.flatMap1(value, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    userFunction.flatMap2(value, collector);
  }
}
