package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.MapFunction;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;

/** Runs a {@link MapFunction} ({@code DataStream.map}). Internal: built by the API, not a stable interface. */
@Internal
public final class MapOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {

  private static final long serialVersionUID = 1L;

  /** Creates the operator. */
  public MapOperator(MapFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    output.collect(userFunction.map(value), timestamp);
  }
}
