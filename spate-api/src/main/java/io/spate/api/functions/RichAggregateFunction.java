package io.spate.api.functions;

import io.spate.api.annotation.Public;

/**
 * An {@link AggregateFunction} with a life cycle and a {@link RuntimeContext}. As in Flink, window
 * aggregations refuse it, since they call it once per record with no per-window life cycle: put the
 * rich part in the window function of {@code aggregate(function, windowFunction)}.
 */
@Public
public abstract class RichAggregateFunction<IN, ACC, OUT> extends AbstractRichFunction
    implements AggregateFunction<IN, ACC, OUT> {
  private static final long serialVersionUID = 1L;
}
