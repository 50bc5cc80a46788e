package io.spate.api.functions.windowing;

import io.spate.api.annotation.Public;
import io.spate.api.functions.Collector;
import io.spate.api.functions.Function;
import io.spate.api.windowing.windows.Window;

/**
 * The simple form of a function over the records of a keyed window (see {@link
 * ProcessWindowFunction} for one with context).
 *
 * @param <IN> the record type
 * @param <OUT> the output type
 * @param <KEY> the key type
 * @param <W> the window type
 */
@Public
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {

  /** Evaluates {@code window} of {@code key} over {@code input}. */
  void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
