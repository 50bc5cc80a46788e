package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A {@link FlatMapFunction} with a life cycle and a {@link RuntimeContext}. */
@Public
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
  private static final long serialVersionUID = 1L;
}
