package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.EpochMillis;
import java.time.LocalDateTime;

/**
 * What a window aggregate reads in place of its window table function's rows: each row once, with
 * the columns {@code window_start}, {@code window_end} and {@code window_time} holding its slice of
 * a {@link WindowSpec} (or, for sessions, its own window [time, time + gap)), not each window it
 * belongs to. The aggregate then accumulates the row once. A row without a time is in no window.
 */
@Internal
public final class SliceAssigner implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int timeField;
  private final WindowSpec windows;
  private final long gap;
  // Null, or the zone in which windows over instants (TIMESTAMP_LTZ) are aligned.
  private final WindowZone zone;
  // The window columns of the last slice (or session window), reused while rows stay in it (they
  // mostly come in time order, many sharing a millisecond): making three time objects per row was a
  // tenth of a HOP query's CPU.
  private transient WindowTimes sliceColumns;

  private SliceAssigner(int timeField, WindowSpec windows, long gap, WindowZone zone) {
    this.timeField = timeField;
    this.windows = windows;
    this.gap = gap;
    this.zone = zone;
  }

  /** Each row with its slice of {@code windows}. */
  public static SliceAssigner slices(int timeField, WindowSpec windows) {
    return slices(timeField, windows, null);
  }

  /**
   * Each row with its slice of {@code windows}, which over instants are aligned in {@code zone} (if not
   * null): such a row's slice is that of its wall-clock time there, its window columns are as {@link
   * WindowOutput} gives them for the zone.
   */
  public static SliceAssigner slices(int timeField, WindowSpec windows, WindowZone zone) {
    return new SliceAssigner(timeField, windows, 0, zone);
  }

  /** Each row with its own session window of {@code gap} milliseconds. */
  public static SliceAssigner sessions(int timeField, long gap) {
    return sessions(timeField, gap, null);
  }

  /** Each row with its own session window of {@code gap} milliseconds, over instants in {@code zone}'s time. */
  public static SliceAssigner sessions(int timeField, long gap, WindowZone zone) {
    if (gap <= 0) {
      throw new IllegalArgumentException("A session gap must be positive, not " + gap + " ms");
    }
    return new SliceAssigner(timeField, null, gap, zone);
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    Object time = input.getField(timeField);
    if (time == null) {
      return;
    }
    long millis = EpochMillis.of(time);
    boolean local = time instanceof LocalDateTime;
    WindowZone shift = local ? null : zone;
    if (shift != null) {
      millis = shift.toLocal(millis);
    }
    if (sliceColumns == null) {
      sliceColumns = new WindowTimes();
    }
    if (windows == null) {
      out.collect(withColumns(input, sliceColumns.of(millis, millis + gap, local, shift)));
    } else {
      long end = windows.sliceEnd(millis);
      out.collect(withColumns(input, sliceColumns.of(windows.sliceStart(end), end, local, shift)));
    }
  }

  /** {@code input} with {@code columns} (window start, end and time) added. */
  private static Row withColumns(Row input, Object[] columns) {
    int arity = input.getArity();
    Row row = new Row(input.getKind(), arity + 3);
    for (int i = 0; i < arity; i++) {
      row.setField(i, input.getField(i));
    }
    row.setField(arity, columns[0]);
    row.setField(arity + 1, columns[1]);
    row.setField(arity + 2, columns[2]);
    return row;
  }

  /**
   * {@code input} with the columns of window [start, end) added: of {@code zone}'s wall-clock times if it is
   * not null (see {@link WindowTimes#of(long, long, boolean, WindowZone)}).
   */
  static Row withWindow(Row input, long start, long end, boolean local, WindowZone zone) {
    int arity = input.getArity();
    Row row = new Row(input.getKind(), arity + 3);
    for (int i = 0; i < arity; i++) {
      row.setField(i, input.getField(i));
    }
    row.setField(arity, EpochMillis.toTime(start, local || zone != null));
    row.setField(arity + 1, EpochMillis.toTime(end, local || zone != null));
    row.setField(arity + 2, zone == null ? EpochMillis.toTime(end - 1, local)
        : EpochMillis.toTime(zone.toEpoch(end) - 1, false));
    return row;
  }
}
