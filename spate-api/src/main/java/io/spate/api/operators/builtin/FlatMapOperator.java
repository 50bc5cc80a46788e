package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;

/** Runs a {@link FlatMapFunction} ({@code DataStream.flatMap}). Internal: built by the API, not a stable interface. */
@Internal
public final class FlatMapOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, FlatMapFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {

  private static final long serialVersionUID = 1L;

  private transient TimestampedCollector<OUT> collector;

  /** Creates the operator. */
  public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    userFunction.flatMap(value, collector);
  }
}
