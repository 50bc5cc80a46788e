package io.spate.runtime.operators.windowing;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.windowing.windows.Window;
import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.api.operators.Output;
import io.spate.api.operators.state.BackendKeyedStateStore;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;

/**
 * The context a window operator hands its {@link ProcessWindowFunction}: one per operator,
 * re-pointed at the window being evaluated or cleared.
 */
final class WindowFunctionContext<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W>.Context {

  /** The window being evaluated or cleared. */
  W window;

  private final InternalTimerServiceImpl timers;
  private final Output<OUT> output;
  private final KeyedStateStore windowState;
  private final KeyedStateStore globalState;

  WindowFunctionContext(ProcessWindowFunction<IN, OUT, K, W> function, CheckpointableKeyedStateBackend<?> keyedStateBackend,
      InternalTimerServiceImpl timers, Output<OUT> output) {
    function.super();
    this.timers = timers;
    this.output = output;
    this.windowState = new BackendKeyedStateStore(keyedStateBackend, () -> window);
    this.globalState = new BackendKeyedStateStore(keyedStateBackend);
  }

  @Override
  public W window() {
    return window;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public KeyedStateStore windowState() {
    return windowState;
  }

  @Override
  public KeyedStateStore globalState() {
    return globalState;
  }

  @Override
  public <X> void output(OutputTag<X> outputTag, X value) {
    if (outputTag == null) {
      throw new IllegalArgumentException("The output tag must not be null.");
    }
    output.collect(outputTag, value, window.maxTimestamp());
  }
}
