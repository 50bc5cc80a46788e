package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.windows.Window;

/**
 * A {@link ProcessWindowFunction} under the name Flink gave it while the plain one was not yet rich;
 * both have the same life cycle and runtime context.
 *
 * @param <IN> the record type
 * @param <OUT> the output type
 * @param <KEY> the key type
 * @param <W> the window type
 */
@PublicEvolving
public abstract class RichProcessWindowFunction<IN, OUT, KEY, W extends Window>
    extends ProcessWindowFunction<IN, OUT, KEY, W> {

  private static final long serialVersionUID = 1L;
}
