package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A {@link MapFunction} with a life cycle and a {@link RuntimeContext}. */
@Public
public abstract class RichMapFunction<IN, OUT> extends AbstractRichFunction implements MapFunction<IN, OUT> {
  private static final long serialVersionUID = 1L;
}
