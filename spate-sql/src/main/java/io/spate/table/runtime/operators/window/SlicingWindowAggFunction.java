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
import io.spate.table.runtime.operators.aggregate.EmptyAccumulators;
import io.spate.table.runtime.operators.aggregate.GroupAggregation;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

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
 * <p>Over an updating input ({@link #overChangelog}) an update-before or delete row takes its row back
 * from its slice, as a {@code GROUP BY} does, and each slice also counts its rows (added minus taken
 * back): a window whose slices hold no rows when it fires emits nothing. A retraction whose windows all
 * fired is late and dropped like a late row. Insert-only input keeps the plain accumulators.
 *
 * <p>On processing time ({@link #processingTime}) a row goes into the slice of the operator's current
 * processing time, and a window fires when the processing-time clock passes its end; windows still
 * open when the input ends do not fire, as Flink quiesces pending processing-time timers then. With a
 * {@link WindowZone}, that time is the zone's wall-clock time and a window fires at its {@link
 * WindowZone#closingInstant}: the windows whose ends the clock skips fire together.
 */
@Internal
public final class SlicingWindowAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final WindowSpec windows;
  private final int sliceEndField;
  private final AggFunction[] aggs;
  private final EmptyAccumulators empty;
  private final WindowOutput output;
  private final int firstAccField;
  private final boolean processingTime;
  // The zone whose wall clock processing-time windows are aligned on; null for UTC.
  private final WindowZone zone;
  // Set over an updating input: the accumulators and row count of a slice, which rows add to or take back from.
  private final GroupAggregation changelog;
  private transient MapState<Long, Row> slices;
  // The slice end of the last row, boxed once for the state's look-up and update, and the row's
  // slice-end column it was read from (event time, one phase).
  private transient Long lastSliceEnd;
  private transient Object lastSliceColumn;
  // The slices of the window that fires, in order; empty between firings.
  private transient Row[] windowSlices;

  /** Aggregates {@code aggs} over {@code windows}; input field {@code sliceEndField} is the row's slice end. */
  public SlicingWindowAggFunction(WindowSpec windows, int sliceEndField, AggFunction[] aggs, WindowOutput output) {
    this.windows = windows;
    this.sliceEndField = sliceEndField;
    this.aggs = aggs;
    this.empty = new EmptyAccumulators(aggs);
    this.output = output;
    this.firstAccField = -1;
    this.processingTime = false;
    this.zone = null;
    this.changelog = null;
  }

  private SlicingWindowAggFunction(WindowSpec windows, int sliceEndField, int firstAccField, AggFunction[] aggs,
      WindowOutput output, boolean processingTime, WindowZone zone, boolean updatingInput) {
    this.windows = windows;
    this.sliceEndField = sliceEndField;
    this.aggs = aggs;
    this.empty = new EmptyAccumulators(aggs);
    this.output = output;
    this.firstAccField = firstAccField;
    this.processingTime = processingTime;
    this.zone = zone;
    this.changelog = updatingInput ? new GroupAggregation(new int[0], aggs) : null;
  }

  /**
   * Aggregates {@code aggs} over {@code windows} of processing time: each row into the slice of the
   * current processing time (its slice-end field is not read), each window fired by a processing-time
   * timer at its end; windows are aligned on {@code zone}'s wall clock (null: UTC).
   */
  public static SlicingWindowAggFunction processingTime(WindowSpec windows, int sliceEndField, AggFunction[] aggs,
      WindowOutput output, WindowZone zone) {
    return new SlicingWindowAggFunction(windows, sliceEndField, -1, aggs, output, true, zone, false);
  }

  /**
   * Aggregates {@code aggs} (whose accumulators take rows back) over {@code windows} of an updating input:
   * inserts and update-after rows add to their slice, update-before and delete rows take back from it. On
   * {@code processingTime} a row goes into the slice of the current processing time, on {@code zone}'s wall
   * clock (null: UTC).
   */
  public static SlicingWindowAggFunction overChangelog(WindowSpec windows, int sliceEndField, AggFunction[] aggs,
      WindowOutput output, boolean processingTime, WindowZone zone) {
    return new SlicingWindowAggFunction(windows, sliceEndField, -1, aggs, output, processingTime,
        processingTime ? zone : null, true);
  }

  /**
   * The global phase of a two-phase window aggregate: its input rows are the partial rows of
   * {@link LocalSlicingWindowAggOperator}, the slice's end in epoch milliseconds in field
   * {@code sliceEndField} and the accumulators of {@code aggs} from field {@code sliceEndField + 1} on,
   * merged into the slice's accumulators.
   */
  public static SlicingWindowAggFunction global(WindowSpec windows, int sliceEndField, AggFunction[] aggs,
      WindowOutput output) {
    return new SlicingWindowAggFunction(windows, sliceEndField, sliceEndField + 1, aggs, output, false, null, false);
  }

  @Override
  public void open(OpenContext context) {
    RowTypeInfo accumulatorType;
    if (changelog != null) {
      accumulatorType = changelog.accumulatorType();
    } else {
      TypeInformation<?>[] types = new TypeInformation<?>[aggs.length];
      for (int i = 0; i < aggs.length; i++) {
        types[i] = aggs[i].accumulatorType();
      }
      accumulatorType = new RowTypeInfo(types);
    }
    slices = getRuntimeContext().getMapState(new MapStateDescriptor<>("window-slices", Types.LONG, accumulatorType));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT && changelog == null) {
      throw new IllegalStateException("A window aggregate takes inserts only, not " + input);
    }
    TimerService timers = ctx.timerService();
    long firedUpTo; // a window whose last instant is at or before this has fired
    Long sliceEnd;
    if (processingTime) {
      long now = zone == null ? timers.currentProcessingTime() : zone.toLocal(timers.currentProcessingTime());
      sliceEnd = boxed(windows.sliceEnd(now));
      firedUpTo = now - 1;
    } else {
      sliceEnd = firstAccField < 0 ? sliceEndOf(input.getField(sliceEndField)) : (Long) input.getField(sliceEndField);
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
    if (changelog == null) {
      accumulate(accs, input);
    } else {
      // Unlike a GROUP BY key, a slice stays at 0 rows or below: on processing time a row's retraction
      // goes into a later slice than the row, and the window that holds both sums their counts.
      changelog.fold(accs, input);
    }
    slices.put(sliceEnd, accs);
  }

  /**
   * The slice end that {@code time}, a row's slice-end column, stands for. The slice assigner hands
   * the rows of one slice the same column object, so the last one's end is reused while it comes again.
   */
  private Long sliceEndOf(Object time) {
    if (time != lastSliceColumn) {
      lastSliceEnd = EpochMillis.of(time);
      lastSliceColumn = time;
    }
    return lastSliceEnd;
  }

  /** {@code sliceEnd} boxed, the box reused while rows keep coming for one slice. */
  private Long boxed(long sliceEnd) {
    if (lastSliceEnd == null || lastSliceEnd != sliceEnd) {
      lastSliceEnd = sliceEnd;
    }
    return lastSliceEnd;
  }

  private void accumulate(Row accs, Row input) {
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, firstAccField < 0 ? aggs[i].accumulate(accs.getField(i), input)
          : aggs[i].merge(accs.getField(i), input.getField(firstAccField + i)));
    }
  }

  /**
   * Fires the window ending at {@code timestamp + 1}, or on a zone's processing time the windows whose
   * ends the zone's clock reached at that instant (usually one; all those of a skipped hour at once).
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    if (zone == null) {
      fire(timestamp + 1, ctx, out);
      return;
    }
    long reached = zone.toLocal(timestamp + 1);
    long before = Math.min(zone.toLocal(timestamp), reached - 1);
    if (reached - before == 1) {
      fire(reached, ctx, out);
      return;
    }
    TreeSet<Long> ends = new TreeSet<>();
    for (long sliceEnd : slices.keys()) {
      long lastEnd = windows.lastWindowEnd(sliceEnd);
      for (long end = sliceEnd; end <= reached; end = windows.nextWindowEnd(end)) {
        if (end > before) {
          ends.add(end);
        }
        if (end >= lastEnd) {
          break;
        }
      }
    }
    for (long end : ends) {
      fire(end, ctx, out);
    }
  }

  /**
   * Fires the window ending at {@code windowEnd}: reads the group's slices in one pass (not one
   * look-up per slice of the window), merges the window's slices first to last, drops those whose
   * last window this is and sets the next window's timer if slices of this one remain.
   */
  private void fire(long windowEnd, Context ctx, Collector<Row> out) throws Exception {
    long windowStart = windows.windowStart(windowEnd);
    long[] sliceEnds = windows.sliceEnds(windowEnd);
    if (windowSlices == null || windowSlices.length < sliceEnds.length) {
      windowSlices = new Row[sliceEnds.length];
    }
    int found = 0;
    for (Map.Entry<Long, Row> slice : slices.entries()) {
      long sliceEnd = slice.getKey();
      if (sliceEnd > windowStart && sliceEnd <= windowEnd) {
        int index = Arrays.binarySearch(sliceEnds, sliceEnd);
        if (index >= 0) {
          windowSlices[index] = slice.getValue();
          found++;
        }
      }
    }
    if (found == 0) {
      return;
    }
    Row window = newAccumulators();
    boolean slicesRemain = false; // slices of this window that the next one holds too
    for (int s = 0; s < sliceEnds.length; s++) {
      Row slice = windowSlices[s];
      if (slice == null) {
        continue;
      }
      windowSlices[s] = null;
      if (changelog == null) {
        for (int i = 0; i < aggs.length; i++) {
          window.setField(i, aggs[i].merge(window.getField(i), slice.getField(i)));
        }
      } else {
        changelog.merge(window, slice, 0);
      }
      if (windows.lastWindowEnd(sliceEnds[s]) == windowEnd) {
        slices.remove(sliceEnds[s]);
      } else {
        slicesRemain = true;
      }
    }
    if (slicesRemain) {
      registerTimer(ctx.timerService(), windows.nextWindowEnd(windowEnd) - 1);
    }
    if (changelog == null || changelog.rows(window) > 0) { // a window whose rows were all taken back has no result
      out.collect(output.result(ctx.getCurrentKey(), windowStart, windowEnd, aggs, window, 0));
    }
  }

  private void registerTimer(TimerService timers, long time) {
    if (processingTime) {
      timers.registerProcessingTimeTimer(zone == null ? time : zone.closingInstant(time + 1) - 1);
    } else {
      timers.registerEventTimeTimer(time);
    }
  }

  private Row newAccumulators() {
    return changelog == null ? empty.create(0) : changelog.createAccumulators();
  }
}
