package io.spate.api.datastream;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessAllWindowFunction;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.windowing.windows.Window;

/** Runs a {@link ProcessAllWindowFunction} as a process window function of the constant key. */
final class ProcessAllWindowFunctionAdapter<IN, OUT, W extends Window>
    extends WrappingWindowFunction<IN, OUT, Object, W, ProcessAllWindowFunction<IN, OUT, W>> {

  private static final long serialVersionUID = 1L;

  private transient AllContext allContext;

  ProcessAllWindowFunctionAdapter(ProcessAllWindowFunction<IN, OUT, W> wrapped) {
    super(wrapped);
  }

  private AllContext contextFor(Context context) {
    if (allContext == null) {
      allContext = new AllContext();
    }
    allContext.keyed = context;
    return allContext;
  }

  @Override
  public void process(Object key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
    wrapped.process(contextFor(context), elements, out);
  }

  @Override
  public void clear(Context context) throws Exception {
    wrapped.clear(contextFor(context));
  }

  /** The all-window context over the current keyed one; one per function, reused. */
  private final class AllContext extends ProcessAllWindowFunction<IN, OUT, W>.Context {
    Context keyed;

    AllContext() {
      wrapped.super();
    }

    @Override
    public W window() {
      return keyed.window();
    }

    @Override
    public long currentProcessingTime() {
      return keyed.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return keyed.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
      return keyed.windowState();
    }

    @Override
    public KeyedStateStore globalState() {
      return keyed.globalState();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      keyed.output(outputTag, value);
    }
  }
}
