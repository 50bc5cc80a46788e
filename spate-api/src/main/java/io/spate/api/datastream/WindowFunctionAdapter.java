package io.spate.api.datastream;

import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.WindowFunction;
import io.spate.api.windowing.windows.Window;

/** Runs a {@link WindowFunction} as a process window function. */
final class WindowFunctionAdapter<IN, OUT, KEY, W extends Window>
    extends WrappingWindowFunction<IN, OUT, KEY, W, WindowFunction<IN, OUT, KEY, W>> {

  private static final long serialVersionUID = 1L;

  WindowFunctionAdapter(WindowFunction<IN, OUT, KEY, W> wrapped) {
    super(wrapped);
  }

  @Override
  public void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
    wrapped.apply(key, context.window(), elements, out);
  }
}
