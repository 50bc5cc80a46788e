package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.windows.Window;

/**
 * A {@link ProcessAllWindowFunction} under the name Flink gave it while the plain one was not yet
 * rich; both have the same life cycle and runtime context.
 *
 * @param <IN> the record type
 * @param <OUT> the output type
 * @param <W> the window type
 */
@PublicEvolving
public abstract class RichProcessAllWindowFunction<IN, OUT, W extends Window>
    extends ProcessAllWindowFunction<IN, OUT, W> {

  private static final long serialVersionUID = 1L;
}
