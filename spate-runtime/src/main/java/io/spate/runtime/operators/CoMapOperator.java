package io.spate.runtime.operators;

import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.functions.CoMapFunction;

/** Runs a {@link CoMapFunction}. */
public final class CoMapOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  private final CoMapFunction<IN1, IN2, OUT> function;

  /** Creates the operator. */
  public CoMapOperator(CoMapFunction<IN1, IN2, OUT> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    output.collect(function.map1(value), timestamp);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    output.collect(function.map2(value), timestamp);
  }
}
