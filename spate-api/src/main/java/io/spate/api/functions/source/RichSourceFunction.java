package io.spate.api.functions.source;

import io.spate.api.annotation.Public;
import io.spate.api.functions.AbstractRichFunction;

/**
 * A non-parallel {@link SourceFunction} with the life cycle and runtime context of a rich function.
 *
 * @param <T> the record type
 */
@Public
public abstract class RichSourceFunction<T> extends AbstractRichFunction implements SourceFunction<T> {

  private static final long serialVersionUID = 1L;
}
