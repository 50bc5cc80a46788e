package io.spate.api.functions.windowing;

import io.spate.api.annotation.Public;
import io.spate.api.functions.AbstractRichFunction;
import io.spate.api.windowing.windows.Window;

/**
 * A {@link WindowFunction} with a life cycle and a runtime context.
 *
 * @param <IN> the record type
 * @param <OUT> the output type
 * @param <KEY> the key type
 * @param <W> the window type
 */
@Public
public abstract class RichWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction
    implements WindowFunction<IN, OUT, KEY, W> {

  private static final long serialVersionUID = 1L;
}
