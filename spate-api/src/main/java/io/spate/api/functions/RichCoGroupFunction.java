package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A {@link CoGroupFunction} with a life cycle and a {@link RuntimeContext}. */
@Public
public abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoGroupFunction<IN1, IN2, OUT> {
  private static final long serialVersionUID = 1L;
}
