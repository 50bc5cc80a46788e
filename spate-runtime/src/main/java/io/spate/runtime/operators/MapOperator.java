package io.spate.runtime.operators;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.functions.MapFunction;

/** Runs a {@link MapFunction}. */
public final class MapOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT> {

  private final MapFunction<IN, OUT> function;

  /** Creates the operator. */
  public MapOperator(MapFunction<IN, OUT> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    enterKeyOf(value);
    output.collect(function.map(value), timestamp);
  }
}
