package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A {@link ReduceFunction} with a life cycle and a {@link RuntimeContext}. */
@Public
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {
  private static final long serialVersionUID = 1L;
}
