package io.spate.api.functions.windowing;

import io.spate.api.annotation.Public;
import io.spate.api.functions.AbstractRichFunction;
import io.spate.api.windowing.windows.Window;

/**
 * An {@link AllWindowFunction} with a life cycle and a runtime context.
 *
 * @param <IN> the record type
 * @param <OUT> the output type
 * @param <W> the window type
 */
@Public
public abstract class RichAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction
    implements AllWindowFunction<IN, OUT, W> {

  private static final long serialVersionUID = 1L;
}
