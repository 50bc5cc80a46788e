package io.spate.runtime.operators;

import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.functions.CoFlatMapFunction;

/** Runs a {@link CoFlatMapFunction}. */
public final class CoFlatMapOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  private final CoFlatMapFunction<IN1, IN2, OUT> function;
  private TimestampedCollector<OUT> collector;

  /** Creates the operator. */
  public CoFlatMapOperator(CoFlatMapFunction<IN1, IN2, OUT> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap1(value, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap2(value, collector);
  }
}
