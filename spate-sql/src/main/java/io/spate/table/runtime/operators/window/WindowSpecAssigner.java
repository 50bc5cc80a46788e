package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.EpochMillis;
import java.time.LocalDateTime;

/**
 * A window table function's rows ({@code CUMULATE}'s, or any of {@link WindowSpec}'s kinds): each
 * row once per window that holds its time attribute, with {@code window_start}, {@code window_end}
 * and {@code window_time} (end minus a millisecond) added. A row without a time is in no window.
 */
@Internal
public final class WindowSpecAssigner implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int timeField;
  private final WindowSpec windows;
  // Null, or the zone in which windows over instants (TIMESTAMP_LTZ) are aligned.
  private final WindowZone zone;

  /** The windows of {@code windows} for the time in field {@code timeField}. */
  public WindowSpecAssigner(int timeField, WindowSpec windows) {
    this(timeField, windows, null);
  }

  /** As {@link #WindowSpecAssigner(int, WindowSpec)}, with windows over instants aligned in {@code zone} if not null. */
  public WindowSpecAssigner(int timeField, WindowSpec windows, WindowZone zone) {
    this.timeField = timeField;
    this.windows = windows;
    this.zone = zone;
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    Object time = input.getField(timeField);
    if (time == null) {
      return;
    }
    boolean local = time instanceof LocalDateTime;
    WindowZone shift = local ? null : zone;
    long millis = shift == null ? EpochMillis.of(time) : shift.toLocal(EpochMillis.of(time));
    for (long end : windows.windowEnds(windows.sliceEnd(millis))) {
      out.collect(SliceAssigner.withWindow(input, windows.windowStart(end), end, local, shift));
    }
  }
}
