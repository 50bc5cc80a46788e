package io.spate.api.datastream;

import io.spate.api.functions.Function;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFunction;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.windows.Window;

/**
 * A {@link ProcessWindowFunction} that runs another kind of window function, so the window operator
 * deals with one function shape; the life cycle of a rich wrapped function is passed on.
 */
abstract class WrappingWindowFunction<IN, OUT, KEY, W extends Window, F extends Function>
    extends ProcessWindowFunction<IN, OUT, KEY, W> {

  private static final long serialVersionUID = 1L;

  /** The wrapped function. */
  final F wrapped;

  WrappingWindowFunction(F wrapped) {
    this.wrapped = wrapped;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    if (wrapped instanceof RichFunction rich) {
      rich.setRuntimeContext(context);
    }
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    if (wrapped instanceof RichFunction rich) {
      rich.open(openContext);
    }
  }

  @Override
  public void close() throws Exception {
    if (wrapped instanceof RichFunction rich) {
      rich.close();
    }
  }
}
