package io.spate.runtime.operators;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.functions.FlatMapFunction;

/** Runs a {@link FlatMapFunction}. */
public final class FlatMapOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT> {

  private final FlatMapFunction<IN, OUT> function;
  private TimestampedCollector<OUT> collector;

  /** Creates the operator. */
  public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    enterKeyOf(value);
    collector.setTimestamp(timestamp);
    function.flatMap(value, collector);
  }
}
