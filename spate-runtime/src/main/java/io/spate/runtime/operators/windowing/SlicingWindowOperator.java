package io.spate.runtime.operators.windowing;

import io.spate.runtime.timers.Timer;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.metrics.Counter;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.assigners.SlidingWindowAssigner;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.operators.AbstractStreamOperator;
import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.state.InternalKvState;
import io.spate.api.operators.state.OwnedValueStateDescriptor;
import io.spate.api.operators.state.VoidNamespace;
import java.util.Collections;

/**
 * Runs keyed sliding windows (event or processing time) with the default trigger and an
 * incremental function by cutting time into slices of {@code gcd(size, slide)}: each record is
 * added to the one accumulator of its slice, and a window is evaluated by combining the slices it
 * covers. Outputs, lateness and late side output are those of {@link WindowOperator}.
 *
 * <p>Keyed state per key: one accumulator per slice (namespace = slice start) and an index, a
 * {@code long[]} holding the key's one registered timer, the time of its last fired timer, and its
 * slice starts in ascending order. The timer is the next window end or window cleanup that
 * concerns data of the key.
 *
 * @param <K> the key type
 * @param <IN> the record type
 * @param <V> the aggregated value handed to the window function
 * @param <OUT> the output type
 */
public final class SlicingWindowOperator<K, IN, V, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, InternalTimerServiceImpl.Target {

  /** The name of the keyed state holding slice accumulators. */
  static final String SLICES_STATE = "window-slices";
  /** The name of the keyed state holding each key's timer and slice starts. */
  static final String INDEX_STATE = "window-slice-index";

  /** The name of the keyed state holding what arrived for a processing-time window after it fired. */
  static final String REFIRE_STATE = "window-refire";

  private static final long NO_TIMER = Long.MAX_VALUE;
  /** Index positions: the registered timer, the time of the key's last fired timer, then the slices. */
  private static final int TIMER = 0;
  private static final int LAST_FIRED = 1;
  private static final int FIRST_SLICE = 2;

  private final SlidingWindowAssigner assigner;
  private final long size;
  private final long slide;
  private final long offset;
  private final long sliceLength;
  private final boolean eventTime;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataOutputTag;
  private final KeySelector<IN, K> keySelector;
  private final AggregateFunction<IN, Object, V> aggregate;
  private final ReduceFunction<IN> reduce;
  private final TypeInformation<Object> accumulatorType;
  private final ProcessWindowFunction<V, OUT, K, TimeWindow> function;

  private TypeSerializer<Object> copier;
  private InternalTimerServiceImpl timers;
  private ValueState<Object> slices;
  private ValueState<long[]> index;
  private ValueState<Object> refire;
  private TimestampedCollector<OUT> collector;
  private WindowFunctionContext<V, OUT, K, TimeWindow> windowContext;
  private Counter numLateRecordsDropped;
  private long cachedSlice;
  private Long cachedSliceBox;

  /**
   * Creates the operator.
   *
   * @param assigner the sliding assigner: its time domain, and its message for a record without timestamp
   * @param incremental a {@link ReduceFunction} or an {@link AggregateFunction}
   * @param accumulatorType the accumulator type (the record type for a reduce), or null if unknown;
   *     values of a mutable type are copied before they are combined
   */
  @SuppressWarnings("unchecked")
  public SlicingWindowOperator(
      SlidingWindowAssigner assigner,
      long allowedLateness,
      OutputTag<IN> lateDataOutputTag,
      KeySelector<?, ?> keySelector,
      Object incremental,
      TypeInformation<?> accumulatorType,
      ProcessWindowFunction<V, OUT, K, TimeWindow> function) {
    super(function, true);
    if (allowedLateness < 0) {
      throw new IllegalArgumentException("The allowed lateness must not be negative: " + allowedLateness);
    }
    this.assigner = assigner;
    this.size = assigner.getSize();
    this.slide = assigner.getSlide();
    this.offset = assigner.getOffset();
    if (slide > size) {
      throw new IllegalArgumentException("Slicing needs slide <= size, got size " + size + " and slide " + slide);
    }
    this.sliceLength = gcd(size, slide);
    this.eventTime = assigner.isEventTime();
    // as in the general operator, processing-time windows are cleaned up at their end
    this.allowedLateness = eventTime ? allowedLateness : 0;
    this.lateDataOutputTag = lateDataOutputTag;
    this.keySelector = (KeySelector<IN, K>) keySelector;
    if (incremental instanceof AggregateFunction<?, ?, ?> a) {
      this.aggregate = (AggregateFunction<IN, Object, V>) a;
      this.reduce = null;
    } else if (incremental instanceof ReduceFunction<?> r) {
      this.aggregate = null;
      this.reduce = (ReduceFunction<IN>) r;
    } else {
      throw new IllegalArgumentException("Slicing needs a ReduceFunction or an AggregateFunction, got " + incremental);
    }
    this.accumulatorType = (TypeInformation<Object>) accumulatorType;
    this.function = function;
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timers = createTimerService("timers", this);
    if (context.runtimeMode() == RuntimeExecutionMode.BATCH) {
      timers.setBatchMode();
    }
    if (accumulatorType != null) {
      TypeSerializer<Object> serializer = accumulatorType.createSerializer();
      copier = serializer.isImmutableType() ? null : serializer;
    }
    // Owned: this operator copies what it reads before changing it, as the heap backend requires.
    ValueStateDescriptor<Object> slicesDescriptor = accumulatorType != null
        ? new OwnedValueStateDescriptor<>(SLICES_STATE, accumulatorType)
        : new OwnedValueStateDescriptor<>(SLICES_STATE, Object.class);
    slices = keyedStateBackend.getOrCreateState(slicesDescriptor);
    ValueStateDescriptor<Object> refireDescriptor = accumulatorType != null
        ? new OwnedValueStateDescriptor<>(REFIRE_STATE, accumulatorType)
        : new OwnedValueStateDescriptor<>(REFIRE_STATE, Object.class);
    refire = keyedStateBackend.getOrCreateState(refireDescriptor);
    index = keyedStateBackend.getPartitionedState(VoidNamespace.INSTANCE,
        new OwnedValueStateDescriptor<>(INDEX_STATE, long[].class));
    windowContext = new WindowFunctionContext<>(function, keyedStateBackend, timers, output);
    numLateRecordsDropped = context.metricGroup().counter("numLateRecordsDropped");
    cachedSliceBox = null;
    super.open();
  }

  // ---------------------------------------------------------------- records

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    if (!eventTime) {
      processOnProcessingTime(value);
      return;
    }
    if (timestamp == Long.MIN_VALUE) {
      assigner.assignWindows(value, timestamp, null); // throws the assigner's own message
      throw new IllegalStateException("A sliding event-time window got a record without a timestamp.");
    }
    setCurrentKey(keyOf(keySelector, value));
    long watermark = timers.currentWatermark();
    long lastEnd = lastWindowEnd(timestamp);
    if (cleanupTime(lastEnd) <= watermark) {
      // every window of the record is gone
      if (lateDataOutputTag != null) {
        output.collect(lateDataOutputTag, value, timestamp);
      } else {
        numLateRecordsDropped.inc();
      }
      return;
    }
    addToSlice(value, timestamp, watermark);
    long firstEnd = nextEnd(timestamp);
    if (firstEnd - 1 <= watermark) {
      // within the allowed lateness: the record re-fires its windows that ended but are not cleaned up yet
      long[] starts = index.value();
      for (long end = firstEnd; end <= lastEnd && end - 1 <= watermark; end += slide) {
        if (cleanupTime(end) > watermark) {
          fire(starts, end);
        }
      }
    }
  }

  /**
   * A record in processing time. If the window ending right after this millisecond already fired
   * for the key, the record starts that window's contents afresh (as in the general operator) in a
   * separate accumulator with its own timer: the slice it shares with later windows still holds
   * what that window emitted.
   */
  @SuppressWarnings("unchecked")
  private void processOnProcessingTime(IN value) throws Exception {
    setCurrentKey(keyOf(keySelector, value));
    long now = timers.currentProcessingTime();
    long firedThrough = now - 1;
    if (isWindowEnd(now + 1)) {
      long[] starts = index.value();
      if (starts != null && starts[LAST_FIRED] >= now) {
        firedThrough = now;
        long end = now + 1;
        ((InternalKvState<Long>) (InternalKvState<?>) refire).setCurrentNamespace(end);
        Object accumulator = refire.value();
        refire.update(accumulator == null
            ? (aggregate != null ? aggregate.add(value, aggregate.createAccumulator()) : value)
            : (aggregate != null ? aggregate.add(value, accumulator) : reduce.reduce((IN) accumulator, value)));
        timers.registerProcessingTimeTimer(getCurrentKey(), new TimeWindow(end - size, end), now);
        if (lastWindowEnd(now) == end) {
          return; // no later window holds this millisecond
        }
      }
    }
    addToSlice(value, now, firedThrough);
  }

  /** Adds the record to its slice; {@code firedThrough}: windows with max timestamps up to it have fired. */
  @SuppressWarnings("unchecked")
  private void addToSlice(IN value, long time, long firedThrough) throws Exception {
    long slice = TimeWindow.getWindowStartWithOffset(time, offset, sliceLength);
    setSliceNamespace(slice);
    Object accumulator = slices.value();
    if (accumulator == null) {
      slices.update(aggregate != null ? aggregate.add(value, aggregate.createAccumulator()) : value);
      onNewSlice(slice, firedThrough);
    } else if (aggregate != null) {
      // written back even when changed in place: a serializing backend holds only a copy
      slices.update(aggregate.add(value, accumulator));
    } else {
      slices.update(reduce.reduce((IN) accumulator, value));
    }
  }

  private void setSliceNamespace(long slice) {
    if (cachedSliceBox == null || slice != cachedSlice) {
      cachedSlice = slice;
      cachedSliceBox = slice;
    }
    setNamespace(cachedSliceBox);
  }

  @SuppressWarnings("unchecked")
  private void setNamespace(Long slice) {
    ((InternalKvState<Long>) slices).setCurrentNamespace(slice);
  }

  /** Records the key's new slice and moves its timer earlier if the slice needs that. */
  private void onNewSlice(long slice, long watermark) throws Exception {
    long[] old = index.value();
    long[] updated;
    if (old == null) {
      updated = new long[] {NO_TIMER, Long.MIN_VALUE, slice};
    } else {
      updated = new long[old.length + 1];
      int at = old.length;
      while (at > FIRST_SLICE && old[at - 1] > slice) {
        at--;
      }
      System.arraycopy(old, 0, updated, 0, at);
      updated[at] = slice;
      System.arraycopy(old, at, updated, at + 1, old.length - at);
    }
    long candidate = nextTimer(slice, watermark);
    long current = updated[TIMER];
    if (candidate < current) {
      if (current != NO_TIMER) {
        deleteTimer(current);
      }
      registerTimer(candidate);
      updated[TIMER] = candidate;
    }
    index.update(updated);
  }

  // ---------------------------------------------------------------- timers

  @Override
  public void finish() throws Exception {
    timers.endOfInput(); // BATCH: every window fires now
    super.finish();
  }

  private void registerTimer(long time) {
    timers.registerTimer(eventTime, getCurrentKey(), VoidNamespace.INSTANCE, time);
  }

  private void deleteTimer(long time) {
    timers.deleteTimer(eventTime, getCurrentKey(), VoidNamespace.INSTANCE, time);
  }

  @Override
  public void onEventTime(Timer timer) throws Exception {
    if (eventTime) {
      onTimer(timer);
    }
  }

  @Override
  public void onProcessingTime(Timer timer) throws Exception {
    if (eventTime) {
      return;
    }
    if (timer.namespace() instanceof TimeWindow window) {
      fireRefired(timer.key(), window);
    } else {
      onTimer(timer);
    }
  }

  /** Emits what arrived for {@code window} after it fired, then forgets it as a cleanup would. */
  @SuppressWarnings("unchecked")
  private void fireRefired(Object key, TimeWindow window) throws Exception {
    setCurrentKey(key);
    ((InternalKvState<Long>) (InternalKvState<?>) refire).setCurrentNamespace(window.getEnd());
    Object accumulator = refire.value();
    if (accumulator == null) {
      return;
    }
    refire.clear();
    V result = aggregate != null ? aggregate.getResult(accumulator) : (V) accumulator;
    collector.setTimestamp(window.maxTimestamp());
    windowContext.window = window;
    function.process((K) getCurrentKey(), windowContext, Collections.singletonList(result), collector);
    function.clear(windowContext);
  }

  /** The key's one timer: fires the window ending now, cleans up, drops unneeded slices, sets the next. */
  private void onTimer(Timer timer) throws Exception {
    setCurrentKey(timer.key());
    long time = timer.timestamp();
    long[] starts = index.value();
    if (starts == null) {
      return;
    }
    if (time != Long.MAX_VALUE && isWindowEnd(time + 1)) {
      fire(starts, time + 1);
    }
    long cleanedEnd = cleanedWindowEnd(time);
    if (cleanedEnd != Long.MIN_VALUE && hasData(starts, cleanedEnd)) {
      windowContext.window = new TimeWindow(cleanedEnd - size, cleanedEnd);
      function.clear(windowContext);
    }
    int kept = 0;
    for (int i = FIRST_SLICE; i < starts.length; i++) {
      if (cleanupTime(lastWindowEnd(starts[i])) <= time) {
        setNamespace(starts[i]);
        slices.clear();
      } else {
        kept++;
      }
    }
    if (kept == 0) {
      index.clear();
      return;
    }
    long[] remaining = starts;
    if (kept != starts.length - FIRST_SLICE) {
      remaining = new long[kept + FIRST_SLICE];
      System.arraycopy(starts, starts.length - kept, remaining, FIRST_SLICE, kept);
    }
    long next = NO_TIMER;
    for (int i = FIRST_SLICE; i < remaining.length; i++) {
      next = Math.min(next, nextTimer(remaining[i], time));
    }
    remaining[TIMER] = next;
    remaining[LAST_FIRED] = time;
    if (next != NO_TIMER) {
      registerTimer(next);
    }
    index.update(remaining);
  }

  // ---------------------------------------------------------------- window arithmetic

  /** The end of the last window that contains {@code timestamp}. */
  private long lastWindowEnd(long timestamp) {
    return TimeWindow.getWindowStartWithOffset(timestamp, offset, slide) + size;
  }

  /** The smallest window end greater than {@code time}. */
  private long nextEnd(long time) {
    return TimeWindow.getWindowStartWithOffset(time - size, offset, slide) + slide + size;
  }

  private boolean isWindowEnd(long time) {
    return TimeWindow.getWindowStartWithOffset(time - size, offset, slide) + size == time;
  }

  /** When the window ending at {@code end} is cleaned up: its max timestamp plus the lateness, or never. */
  private long cleanupTime(long end) {
    long cleanup = end - 1 + allowedLateness;
    return cleanup >= end - 1 ? cleanup : Long.MAX_VALUE;
  }

  /** The end of the window whose cleanup time is {@code time}, or {@code Long.MIN_VALUE} if none. */
  private long cleanedWindowEnd(long time) {
    if (time == Long.MAX_VALUE || time + 1 < Long.MIN_VALUE + allowedLateness) {
      return Long.MIN_VALUE;
    }
    long end = time + 1 - allowedLateness;
    return isWindowEnd(end) && cleanupTime(end) == time ? end : Long.MIN_VALUE;
  }

  /**
   * The earliest time after {@code time} at which a window holding the slice that starts at
   * {@code slice} fires (its max timestamp) or is cleaned up (plus the allowed lateness).
   */
  private long nextTimer(long slice, long time) {
    if (time == Long.MAX_VALUE) {
      return NO_TIMER;
    }
    long lastEnd = lastWindowEnd(slice);
    long result = NO_TIMER;
    long firing = nextEnd(Math.max(time + 1, slice));
    if (firing <= lastEnd) {
      result = firing - 1;
    }
    long cleanupFrom = time + 1 - allowedLateness;
    if (cleanupFrom > time + 1) {
      cleanupFrom = Long.MIN_VALUE; // underflow
    }
    long cleaning = nextEnd(Math.max(cleanupFrom, slice));
    if (cleaning <= lastEnd) {
      result = Math.min(result, cleanupTime(cleaning));
    }
    return result;
  }

  /** Whether any slice of {@code starts} lies in the window ending at {@code end}. */
  private boolean hasData(long[] starts, long end) {
    long start = end - size;
    for (int i = FIRST_SLICE; i < starts.length; i++) {
      if (starts[i] >= start && starts[i] < end) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- evaluation

  /** Evaluates the window ending at {@code end} over the key's slices in it, if there are any. */
  @SuppressWarnings("unchecked")
  private void fire(long[] starts, long end) throws Exception {
    if (starts == null) {
      return;
    }
    long start = end - size;
    Object combined = null;
    int count = 0;
    for (int i = FIRST_SLICE; i < starts.length; i++) {
      long slice = starts[i];
      if (slice < start || slice >= end) {
        continue;
      }
      setNamespace(slice);
      Object accumulator = slices.value();
      if (accumulator == null) {
        continue;
      }
      if (count == 0) {
        combined = accumulator;
      } else {
        if (count == 1) {
          combined = copy(combined); // never combine into a stored slice: later windows read it
        }
        combined = aggregate != null
            ? aggregate.merge(combined, copy(accumulator))
            : reduce.reduce((IN) combined, (IN) accumulator);
      }
      count++;
    }
    if (count == 0) {
      return;
    }
    V result = aggregate != null ? aggregate.getResult(combined) : (V) combined;
    TimeWindow window = new TimeWindow(start, end);
    collector.setTimestamp(window.maxTimestamp());
    windowContext.window = window;
    function.process((K) getCurrentKey(), windowContext, Collections.singletonList(result), collector);
  }

  private Object copy(Object value) {
    return copier == null ? value : copier.copy(value);
  }

  /** The number of records dropped as late, for tests. */
  public long numLateRecordsDropped() {
    return numLateRecordsDropped.getCount();
  }
}
