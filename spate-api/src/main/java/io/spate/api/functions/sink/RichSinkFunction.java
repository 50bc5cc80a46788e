package io.spate.api.functions.sink;

import io.spate.api.annotation.Public;
import io.spate.api.functions.AbstractRichFunction;

/**
 * A {@link SinkFunction} with the life cycle and runtime context of a rich function: open a
 * connection in {@code open}, close it in {@code close}.
 *
 * @param <IN> the record type
 */
@Public
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {

  private static final long serialVersionUID = 1L;
}
