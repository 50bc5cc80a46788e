package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A {@link FilterFunction} with a life cycle and a {@link RuntimeContext}. */
@Public
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
  private static final long serialVersionUID = 1L;
}
