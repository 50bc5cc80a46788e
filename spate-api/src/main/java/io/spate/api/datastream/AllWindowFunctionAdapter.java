package io.spate.api.datastream;

import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.AllWindowFunction;
import io.spate.api.windowing.windows.Window;

/** Runs an {@link AllWindowFunction} as a process window function of the constant key. */
final class AllWindowFunctionAdapter<IN, OUT, W extends Window>
    extends WrappingWindowFunction<IN, OUT, Object, W, AllWindowFunction<IN, OUT, W>> {

  private static final long serialVersionUID = 1L;

  AllWindowFunctionAdapter(AllWindowFunction<IN, OUT, W> wrapped) {
    super(wrapped);
  }

  @Override
  public void process(Object key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
    wrapped.apply(context.window(), elements, out);
  }
}
