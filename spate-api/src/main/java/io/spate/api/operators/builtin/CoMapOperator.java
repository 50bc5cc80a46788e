package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.CoMapFunction;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;

/** Runs a {@link CoMapFunction} ({@code ConnectedStreams.map}). Internal: built by the API, not a stable interface. */
@Internal
public final class CoMapOperator<IN1, IN2, OUT> extends AbstractUdfStreamOperator<OUT, CoMapFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  private static final long serialVersionUID = 1L;

  /** Creates the operator. */
  public CoMapOperator(CoMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    output.collect(userFunction.map1(value), timestamp);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    output.collect(userFunction.map2(value), timestamp);
  }
}
