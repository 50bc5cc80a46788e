package io.spate.api.functions.source;

import io.spate.api.annotation.Public;
import io.spate.api.functions.AbstractRichFunction;

/**
 * A {@link ParallelSourceFunction} with the life cycle and runtime context of a rich function; {@code
 * getRuntimeContext().getIndexOfThisSubtask()} tells each instance which share of the input is its own.
 *
 * @param <T> the record type
 */
@Public
public abstract class RichParallelSourceFunction<T> extends AbstractRichFunction
    implements ParallelSourceFunction<T> {

  private static final long serialVersionUID = 1L;
}
