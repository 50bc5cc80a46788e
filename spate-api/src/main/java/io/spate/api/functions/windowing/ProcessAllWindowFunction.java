package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.AbstractRichFunction;
import io.spate.api.functions.Collector;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.windowing.windows.Window;

/**
 * A function over the records of a non-keyed window, with the window, the clocks, state and side
 * outputs in its context.
 *
 * @param <IN> the record type
 * @param <OUT> the output type
 * @param <W> the window type
 */
@PublicEvolving
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {

  private static final long serialVersionUID = 1L;

  /** Evaluates the window over {@code elements}. */
  public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

  /** Called when the window is removed; clear the {@link Context#windowState()} used here. */
  public void clear(Context context) throws Exception {}

  /** What the function sees of its window and operator. */
  public abstract class Context {
    /** The window being evaluated. */
    public abstract W window();

    /** The current processing time. */
    public abstract long currentProcessingTime();

    /** The current watermark. */
    public abstract long currentWatermark();

    /** State of the current window; cleared by {@link #clear(Context)} when the window goes. */
    public abstract KeyedStateStore windowState();

    /** State across all windows. */
    public abstract KeyedStateStore globalState();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
