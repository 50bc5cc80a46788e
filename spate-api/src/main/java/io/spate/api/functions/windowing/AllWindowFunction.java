package io.spate.api.functions.windowing;

import io.spate.api.annotation.Public;
import io.spate.api.functions.Collector;
import io.spate.api.functions.Function;
import io.spate.api.windowing.windows.Window;

/**
 * The simple form of a function over the records of a non-keyed window.
 *
 * @param <IN> the record type
 * @param <OUT> the output type
 * @param <W> the window type
 */
@Public
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {

  /** Evaluates {@code window} over {@code values}. */
  void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
