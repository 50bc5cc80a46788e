package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A {@link MapPartitionFunction} with a life cycle and a {@link RuntimeContext}. */
@Public
public abstract class RichMapPartitionFunction<IN, OUT> extends AbstractRichFunction implements MapPartitionFunction<IN, OUT> {
  private static final long serialVersionUID = 1L;
}
