package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A {@link FlatJoinFunction} with a life cycle and a {@link RuntimeContext}. */
@Public
public abstract class RichFlatJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements FlatJoinFunction<IN1, IN2, OUT> {
  private static final long serialVersionUID = 1L;
}
