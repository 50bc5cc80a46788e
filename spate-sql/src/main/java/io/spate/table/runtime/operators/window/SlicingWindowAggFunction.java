package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.TimerService;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.aggregate.AggFunction;

/**
 * A {@code TUMBLE}, {@code HOP} or {@code CUMULATE} window aggregate that keeps one set of
 * accumulators per group and slice (not per window), in keyed state by slice end: a row is
 * accumulated once, into its slice, and when the watermark passes a window's last instant the
 * window's slices are merged into its result, emitted once as an insert. A slice is dropped when its
 * last window fired. A row counts in the windows that have not fired when it arrives; a row all of
 * whose windows fired is late and dropped. The input rows carry their slice's end in a field.
 *
 * <p>A group has one timer per window to fire, not one per slice and window: a new slice sets the
 * timer of its first window still open, and a window that fires sets the timer of the next window
 * while slices of it remain (the next window holds them).
 *
 * <p>On processing time ({@link #processingTime}) a row goes into the slice of the operator's current
 * processing time, and a window fires when the processing-time clock passes its end; windows still
 * open when the input ends do not fire, as Flink quiesces pending processing-time timers then.
 */
@Internal
public final class SlicingWindowAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final WindowSpec windows;
  private final int sliceEndField;
  private final AggFunction[] aggs;
  private final WindowOutput output;
  private final int firstAccField;
  private final boolean processingTime;
  private transient MapState<Long, Row> slices;

  /** Aggregates {@code aggs} over {@code windows}; input field {@code sliceEndField} is the row's slice end. */
  public SlicingWindowAggFunction(WindowSpec windows, int sliceEndField, AggFunction[] aggs, WindowOutput output) {
    this.windows = windows;
    this.sliceEndField = sliceEndField;
    this.aggs = aggs;
    this.output = output;
    this.firstAccField = -1;
    this.processingTime = false;
  }

  private SlicingWindowAggFunction(WindowSpec windows, int sliceEndField, int firstAccField, AggFunction[] aggs,
      WindowOutput output, boolean processingTime) {
    this.windows = windows;
    this.sliceEndField = sliceEndField;
    this.aggs = aggs;
    this.output = output;
    this.firstAccField = firstAccField;
    this.processingTime = processingTime;
  }

  /**
   * Aggregates {@code aggs} over {@code windows} of processing time: each row into the slice of the
   * current processing time (its slice-end field is not read), each window fired by a processing-time
   * timer at its end.
   */
  public static SlicingWindowAggFunction processingTime(WindowSpec windows, int sliceEndField, AggFunction[] aggs,
      WindowOutput output) {
    return new SlicingWindowAggFunction(windows, sliceEndField, -1, aggs, output, true);
  }

  /**
   * The global phase of a two-phase window aggregate: its input rows are the partial rows of
   * {@link LocalSlicingWindowAggOperator}, the slice's end in epoch milliseconds in field
   * {@code sliceEndField} and the accumulators of {@code aggs} from field {@code sliceEndField + 1} on,
   * merged into the slice's accumulators.
   */
  public static SlicingWindowAggFunction global(WindowSpec windows, int sliceEndField, AggFunction[] aggs,
      WindowOutput output) {
    return new SlicingWindowAggFunction(windows, sliceEndField, sliceEndField + 1, aggs, output, false);
  }

  @Override
  public void open(OpenContext context) {
    TypeInformation<?>[] types = new TypeInformation<?>[aggs.length];
    for (int i = 0; i < aggs.length; i++) {
      types[i] = aggs[i].accumulatorType();
    }
    slices = getRuntimeContext().getMapState(new MapStateDescriptor<>("window-slices", Types.LONG,
        new RowTypeInfo(types)));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A window aggregate takes inserts only, not " + input);
    }
    TimerService timers = ctx.timerService();
    long sliceEnd;
    long firedUpTo; // a window whose last instant is at or before this has fired
    if (processingTime) {
      long now = timers.currentProcessingTime();
      sliceEnd = windows.sliceEnd(now);
      firedUpTo = now - 1;
    } else {
      sliceEnd = firstAccField < 0 ? EpochMillis.of(input.getField(sliceEndField))
          : (Long) input.getField(sliceEndField);
      firedUpTo = timers.currentWatermark();
      if (windows.lastWindowEnd(sliceEnd) - 1 <= firedUpTo) {
        return; // late: every window of the slice has fired
      }
    }
    Row accs = slices.get(sliceEnd);
    if (accs == null) {
      accs = newAccumulators();
      long windowEnd = sliceEnd;
      while (windowEnd - 1 <= firedUpTo) {
        windowEnd = windows.nextWindowEnd(windowEnd);
      }
      registerTimer(timers, windowEnd - 1);
    }
    accumulate(accs, input);
    slices.put(sliceEnd, accs);
  }

  private void accumulate(Row accs, Row input) {
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, firstAccField < 0 ? aggs[i].accumulate(accs.getField(i), input)
          : aggs[i].merge(accs.getField(i), input.getField(firstAccField + i)));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    long windowEnd = timestamp + 1;
    Row window = null;
    boolean slicesRemain = false; // slices of this window that the next one holds too
    for (long sliceEnd : windows.sliceEnds(windowEnd)) {
      Row slice = slices.get(sliceEnd);
      if (slice == null) {
        continue;
      }
      if (window == null) {
        window = newAccumulators();
      }
      for (int i = 0; i < aggs.length; i++) {
        window.setField(i, aggs[i].merge(window.getField(i), slice.getField(i)));
      }
      if (windows.lastWindowEnd(sliceEnd) == windowEnd) {
        slices.remove(sliceEnd);
      } else {
        slicesRemain = true;
      }
    }
    if (slicesRemain) {
      registerTimer(ctx.timerService(), windows.nextWindowEnd(windowEnd) - 1);
    }
    if (window != null) {
      out.collect(output.result(ctx.getCurrentKey(), windows.windowStart(windowEnd), windowEnd, aggs, window, 0));
    }
  }

  private void registerTimer(TimerService timers, long time) {
    if (processingTime) {
      timers.registerProcessingTimeTimer(time);
    } else {
      timers.registerEventTimeTimer(time);
    }
  }

  private Row newAccumulators() {
    Row accs = new Row(aggs.length);
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, aggs[i].createAccumulator());
    }
    return accs;
  }
}
