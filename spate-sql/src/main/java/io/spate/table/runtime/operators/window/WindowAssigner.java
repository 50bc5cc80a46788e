package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.EpochMillis;
import java.time.LocalDateTime;

/**
 * The window table functions {@code TUMBLE} and {@code HOP}: each row once per window that holds its
 * time attribute, with {@code window_start}, {@code window_end} and {@code window_time} (end minus a
 * millisecond) added. Windows are aligned to the epoch plus the offset; a {@code TIMESTAMP} counts as
 * UTC, as in Flink.
 */
@Internal
public final class WindowAssigner implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int timeField;
  private final long size;
  private final long slide;
  private final long offset;
  // Null, or the zone in which windows over instants (TIMESTAMP_LTZ) are aligned.
  private final WindowZone zone;

  /** Windows of {@code size} every {@code slide} milliseconds (equal for tumbling ones), shifted by {@code offset}. */
  public WindowAssigner(int timeField, long size, long slide, long offset) {
    this(timeField, size, slide, offset, null);
  }

  /**
   * As {@link #WindowAssigner(int, long, long, long)}, with windows over instants aligned in {@code zone}'s
   * wall-clock time if it is not null.
   */
  public WindowAssigner(int timeField, long size, long slide, long offset, WindowZone zone) {
    if (size <= 0 || slide <= 0) {
      throw new IllegalArgumentException("A window's size and slide must be positive, not " + size + " and " + slide);
    }
    this.timeField = timeField;
    this.size = size;
    this.slide = slide;
    this.offset = offset;
    this.zone = zone;
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    Object time = input.getField(timeField);
    if (time == null) {
      return; // a row without a time belongs to no window
    }
    boolean local = time instanceof LocalDateTime;
    WindowZone shift = local ? null : zone;
    long millis = shift == null ? EpochMillis.of(time) : shift.toLocal(EpochMillis.of(time));
    long lastStart = millis - Math.floorMod(millis - offset, slide);
    for (long start = lastStart; start > millis - size; start -= slide) {
      out.collect(SliceAssigner.withWindow(input, start, start + size, local, shift));
    }
  }
}
