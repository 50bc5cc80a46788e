package io.spate.runtime.operators.windowing;

import io.spate.runtime.timers.Timer;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.state.AppendingState;
import io.spate.api.state.MergingState;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.Window;
import io.spate.runtime.operators.AbstractStreamOperator;
import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.state.InternalKvState;
import io.spate.api.operators.state.InternalMergingState;
import io.spate.api.operators.state.OwnedValueStateDescriptor;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;

/**
 * Runs keyed windows: assigns each record to windows, keeps their contents in keyed state with the
 * window as namespace, asks the trigger when to evaluate and purge, and cleans a window up when
 * the watermark passes its end plus the allowed lateness. Incremental functions keep one value per
 * key and window; otherwise the window keeps its records in a list. Merging assigners (sessions)
 * keep their live windows in a {@link MergingWindowSet} in keyed state.
 *
 * @param <K> the key type
 * @param <IN> the record type
 * @param <C> the type of the window contents handed to the function (a record, an aggregate)
 * @param <OUT> the output type
 * @param <W> the window type
 */
public class WindowOperator<K, IN, C, OUT, W extends Window> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, InternalTimerServiceImpl.Target {

  /** The name of the keyed state that holds window contents. */
  protected static final String CONTENTS_STATE = "window-contents";

  private static final ValueStateDescriptor<HashMap<Window, Window>> MERGING_WINDOWS =
      mergingWindowsDescriptor();

  /** The assigner. */
  protected final WindowAssigner<? super IN, W> assigner;
  private final Trigger<? super IN, ? super W> trigger;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataOutputTag;
  private final KeySelector<IN, K> keySelector;
  private final StateDescriptor<? extends AppendingState<?, ?>, ?> contentsDescriptor;
  private final boolean singleValueContents;
  /** The window function. */
  protected final ProcessWindowFunction<C, OUT, K, W> function;

  /** The timers of triggers and of window cleanup. */
  protected InternalTimerServiceImpl timers;
  /** The window contents of the current key, in the namespace set by {@link #setContentsNamespace}. */
  protected AppendingState<Object, Object> contents;
  private ValueState<HashMap<W, W>> mergingWindowsState;
  private MergingWindowSet<W> mergingWindows;
  private final MergingWindowSet.MergeFunction<W> mergeFunction = this::mergeWindows;
  private TriggerContextImpl triggerContext;
  private WindowFunctionContext<C, OUT, K, W> windowContext;
  /** Emits with the window's max timestamp. */
  protected TimestampedCollector<OUT> collector;
  private Counter numLateRecordsDropped;
  private final AssignerContext assignerContext = new AssignerContext();

  /**
   * Creates the operator.
   *
   * @param contentsDescriptor the state of the window contents: a list of records, or a reducing or
   *     aggregating state (then {@code singleValueContents})
   */
  @SuppressWarnings("unchecked")
  public WindowOperator(
      WindowAssigner<? super IN, W> assigner,
      Trigger<? super IN, ? super W> trigger,
      long allowedLateness,
      OutputTag<IN> lateDataOutputTag,
      KeySelector<?, ?> keySelector,
      StateDescriptor<? extends AppendingState<?, ?>, ?> contentsDescriptor,
      boolean singleValueContents,
      ProcessWindowFunction<C, OUT, K, W> function) {
    super(function, true);
    if (allowedLateness < 0) {
      throw new IllegalArgumentException("The allowed lateness must not be negative: " + allowedLateness);
    }
    this.assigner = assigner;
    this.trigger = trigger;
    this.allowedLateness = allowedLateness;
    this.lateDataOutputTag = lateDataOutputTag;
    this.keySelector = (KeySelector<IN, K>) keySelector;
    this.contentsDescriptor = contentsDescriptor;
    this.singleValueContents = singleValueContents;
    this.function = function;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ValueStateDescriptor<HashMap<Window, Window>> mergingWindowsDescriptor() {
    // Owned: MergingWindowSet changes the map it loaded and always writes it back (persist).
    return new OwnedValueStateDescriptor<>("merging-window-set", (Class) HashMap.class);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timers = createTimerService("timers", this);
    if (context.runtimeMode() == RuntimeExecutionMode.BATCH) {
      timers.setBatchMode();
    }
    contents = (AppendingState<Object, Object>) keyedStateBackend.getOrCreateState(contentsDescriptor);
    if (assigner instanceof MergingWindowAssigner) {
      mergingWindowsState = (ValueState<HashMap<W, W>>) (ValueState<?>)
          keyedStateBackend.getPartitionedState(VoidNamespace.INSTANCE, MERGING_WINDOWS);
      mergingWindows = new MergingWindowSet<>((MergingWindowAssigner<?, W>) assigner, mergingWindowsState);
    }
    triggerContext = new TriggerContextImpl();
    windowContext = new WindowFunctionContext<>(function, keyedStateBackend, timers, output);
    numLateRecordsDropped = context.metricGroup().counter("numLateRecordsDropped");
    super.open();
  }

  // ---------------------------------------------------------------- records

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector, value));
    Collection<W> windows = assigner.assignWindows(value, timestamp, assignerContext);
    boolean skipped = true;
    MergingWindowSet<W> merging = loadMergingWindows();
    for (W window : windows) {
      W actualWindow = window;
      W stateWindow = window;
      if (merging != null) {
        actualWindow = merging.addWindow(window, mergeFunction);
        if (isWindowLate(actualWindow)) {
          merging.retireWindow(actualWindow);
          continue;
        }
        stateWindow = merging.getStateWindow(actualWindow);
        if (stateWindow == null) {
          throw new IllegalStateException("Window " + actualWindow + " has no state window.");
        }
      } else if (isWindowLate(window)) {
        continue;
      }
      skipped = false;
      setContentsNamespace(stateWindow);
      addElement(value, timestamp);
      triggerContext.window = actualWindow;
      TriggerResult result = triggerContext.onElement(value, timestamp);
      if (result.isFire()) {
        setContentsNamespace(stateWindow);
        emitWindowContents(actualWindow);
      }
      if (result.isPurge()) {
        setContentsNamespace(stateWindow);
        clearContents();
      }
      registerCleanupTimer(actualWindow);
    }
    if (merging != null) {
      merging.persist();
    }
    if (skipped && isElementLate(timestamp)) {
      if (lateDataOutputTag != null) {
        output.collect(lateDataOutputTag, value, timestamp);
      } else {
        numLateRecordsDropped.inc();
      }
    }
  }

  private void mergeWindows(W mergeResult, Collection<W> mergedWindows, W stateWindowResult,
      Collection<W> mergedStateWindows) throws Exception {
    if (assigner.isEventTime() && cleanupTime(mergeResult) <= timers.currentWatermark()) {
      throw new IllegalStateException("Merging windows into " + mergeResult + " would make an event-time window end "
          + "at or before the current watermark " + timers.currentWatermark() + "; the merging assigner is broken.");
    }
    triggerContext.window = mergeResult;
    triggerContext.mergedWindows = mergedWindows;
    triggerContext.onMerge();
    triggerContext.mergedWindows = null;
    for (W merged : mergedWindows) {
      triggerContext.window = merged;
      triggerContext.clear();
      deleteCleanupTimer(merged);
    }
    if (!mergedStateWindows.isEmpty()) {
      mergeContents(stateWindowResult, mergedStateWindows);
    }
  }

  // ---------------------------------------------------------------- timers

  @Override
  public void finish() throws Exception {
    timers.endOfInput(); // BATCH: every window fires now
    super.finish();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(Timer timer) throws Exception {
    onTimer(timer, true);
  }

  @Override
  public void onProcessingTime(Timer timer) throws Exception {
    onTimer(timer, false);
  }

  @SuppressWarnings("unchecked")
  private void onTimer(Timer timer, boolean eventTime) throws Exception {
    setCurrentKey(timer.key());
    W window = (W) timer.namespace();
    MergingWindowSet<W> mergingWindows = loadMergingWindows();
    W stateWindow = window;
    if (mergingWindows != null) {
      stateWindow = mergingWindows.getStateWindow(window);
      if (stateWindow == null) {
        return; // a timer of a window that merged away; its trigger state went with it
      }
    }
    triggerContext.window = window;
    TriggerResult result = eventTime
        ? triggerContext.onEventTime(timer.timestamp())
        : triggerContext.onProcessingTime(timer.timestamp());
    if (result.isFire()) {
      setContentsNamespace(stateWindow);
      emitWindowContents(window);
    }
    if (result.isPurge()) {
      setContentsNamespace(stateWindow);
      clearContents();
    }
    if (assigner.isEventTime() == eventTime && timer.timestamp() == cleanupTime(window)) {
      setContentsNamespace(stateWindow);
      clearAllState(window, mergingWindows);
    }
    if (mergingWindows != null) {
      mergingWindows.persist();
    }
  }

  private void clearAllState(W window, MergingWindowSet<W> mergingWindows) throws Exception {
    clearContents();
    triggerContext.window = window;
    triggerContext.clear();
    windowContext.window = window;
    function.clear(windowContext);
    if (mergingWindows != null) {
      mergingWindows.retireWindow(window);
    }
  }

  // ---------------------------------------------------------------- lateness and cleanup

  /** When the window's state goes: its end plus the allowed lateness (event time), else its end. */
  private long cleanupTime(W window) {
    if (!assigner.isEventTime()) {
      return window.maxTimestamp();
    }
    long cleanup = window.maxTimestamp() + allowedLateness;
    return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE; // overflow: never
  }

  private boolean isWindowLate(W window) {
    return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
  }

  private boolean isElementLate(long timestamp) {
    return assigner.isEventTime() && timestamp != Long.MIN_VALUE
        && timestamp + allowedLateness <= timers.currentWatermark();
  }

  private void registerCleanupTimer(W window) {
    long cleanup = cleanupTime(window);
    if (cleanup == Long.MAX_VALUE) {
      return; // the global window (or an overflow): kept until the trigger purges it
    }
    timers.registerTimer(assigner.isEventTime(), getCurrentKey(), window, cleanup);
  }

  private void deleteCleanupTimer(W window) {
    long cleanup = cleanupTime(window);
    if (cleanup == Long.MAX_VALUE) {
      return;
    }
    timers.deleteTimer(assigner.isEventTime(), getCurrentKey(), window, cleanup);
  }

  /** The merging window set loaded for the current key, or null when the assigner does not merge. */
  @SuppressWarnings("unchecked")
  private MergingWindowSet<W> loadMergingWindows() throws Exception {
    if (mergingWindows == null) {
      return null;
    }
    ((InternalKvState<Object>) mergingWindowsState).setCurrentNamespace(VoidNamespace.INSTANCE);
    mergingWindows.load();
    return mergingWindows;
  }

  // ---------------------------------------------------------------- window contents (overridden by evicting windows)

  /** Points the contents state at {@code stateWindow}. */
  @SuppressWarnings("unchecked")
  protected void setContentsNamespace(W stateWindow) {
    ((InternalKvState<W>) contents).setCurrentNamespace(stateWindow);
  }

  /** Adds a record to the contents of the current namespace. */
  protected void addElement(IN value, long timestamp) throws Exception {
    contents.add(value);
  }

  /** Drops the contents of the current namespace. */
  protected void clearContents() {
    contents.clear();
  }

  /** Merges the contents of {@code sources} into {@code target}. */
  @SuppressWarnings("unchecked")
  protected void mergeContents(W target, Collection<W> sources) throws Exception {
    ((InternalMergingState<W>) contents).mergeNamespaces(target, sources);
  }

  /** Evaluates {@code window} over the contents of the current namespace, if there are any. */
  @SuppressWarnings("unchecked")
  protected void emitWindowContents(W window) throws Exception {
    Object value = contents.get();
    Iterable<C> elements;
    if (singleValueContents) {
      if (value == null) {
        return;
      }
      elements = Collections.singletonList((C) value);
    } else {
      elements = (Iterable<C>) value;
      if (elements == null || !elements.iterator().hasNext()) {
        return;
      }
    }
    callFunction(window, elements);
  }

  /** Calls the window function for {@code window} over {@code elements}. */
  @SuppressWarnings("unchecked")
  protected final void callFunction(W window, Iterable<C> elements) throws Exception {
    collector.setTimestamp(window.maxTimestamp());
    windowContext.window = window;
    function.process((K) getCurrentKey(), windowContext, elements, collector);
  }

  /** The context for evictors: the operator's clocks and metrics. */
  protected final long currentWatermark() {
    return timers.currentWatermark();
  }

  /** The operator's metric group. */
  protected final MetricGroup metricGroup() {
    return context.metricGroup();
  }

  /** The number of records dropped as late, for tests. */
  public long numLateRecordsDropped() {
    return numLateRecordsDropped.getCount();
  }

  // ---------------------------------------------------------------- contexts

  private final class AssignerContext extends WindowAssigner.WindowAssignerContext {
    @Override
    public long getCurrentProcessingTime() {
      return timers.currentProcessingTime();
    }
  }

  /** The trigger's view of the current key and window; one per operator, re-pointed per call. */
  private final class TriggerContextImpl implements Trigger.OnMergeContext {
    W window;
    Collection<W> mergedWindows;

    @SuppressWarnings("unchecked")
    private Trigger<Object, W> trigger() {
      return (Trigger<Object, W>) (Trigger<?, ?>) trigger;
    }

    TriggerResult onElement(IN value, long timestamp) throws Exception {
      return trigger().onElement(value, timestamp, window, this);
    }

    TriggerResult onEventTime(long time) throws Exception {
      return trigger().onEventTime(time, window, this);
    }

    TriggerResult onProcessingTime(long time) throws Exception {
      return trigger().onProcessingTime(time, window, this);
    }

    void onMerge() throws Exception {
      trigger().onMerge(window, this);
    }

    void clear() throws Exception {
      trigger().clear(window, this);
    }

    @Override
    public long getCurrentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public MetricGroup getMetricGroup() {
      return context.metricGroup();
    }

    @Override
    public long getCurrentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      timers.registerProcessingTimeTimer(getCurrentKey(), window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
      timers.registerEventTimeTimer(getCurrentKey(), window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      timers.deleteProcessingTimeTimer(getCurrentKey(), window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      timers.deleteEventTimeTimer(getCurrentKey(), window, time);
    }

    @Override
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor) {
      return keyedStateBackend.getPartitionedState(window, stateDescriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor) {
      if (mergedWindows == null || mergedWindows.isEmpty()) {
        return;
      }
      S state = keyedStateBackend.getOrCreateState(stateDescriptor);
      if (!(state instanceof InternalMergingState<?> merging)) {
        throw new IllegalArgumentException("Trigger state '" + stateDescriptor.getName() + "' cannot be merged.");
      }
      try {
        ((InternalMergingState<W>) merging).mergeNamespaces(window, mergedWindows);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Merging trigger state '" + stateDescriptor.getName() + "' failed: " + e, e);
      }
    }
  }
}
