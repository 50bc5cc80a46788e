package io.spate.api.functions.async;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.functions.AbstractRichFunction;

/**
 * An {@link AsyncFunction} with a life cycle and a runtime context: create clients and thread pools
 * in {@code open} and shut them down in {@code close}.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@PublicEvolving
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
  private static final long serialVersionUID = 1L;
}
