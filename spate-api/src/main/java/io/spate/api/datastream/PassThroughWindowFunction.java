package io.spate.api.datastream;

import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.windows.Window;

/** Emits a window's contents as they are: the window function of {@code reduce} and {@code aggregate}. */
final class PassThroughWindowFunction<T, KEY, W extends Window> extends ProcessWindowFunction<T, T, KEY, W> {

  private static final long serialVersionUID = 1L;

  @Override
  public void process(KEY key, Context context, Iterable<T> elements, Collector<T> out) {
    for (T element : elements) {
      out.collect(element);
    }
  }
}
