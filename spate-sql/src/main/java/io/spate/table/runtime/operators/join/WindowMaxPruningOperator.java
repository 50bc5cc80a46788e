package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.window.WindowSpec;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Drops, before a join, the rows that cannot join the {@code MAX} of their own windows: a join of a
 * relation with the {@code MAX} of a column over the same relation's windows, on the column equal to
 * the maximum and the row's time inside the window, matches a row only if no row of its windows has
 * a higher value. This operator keeps the highest value of each slice seen so far in its subtask and
 * drops a row whose value is lower (every window that holds a row holds its whole slice). It counts
 * only rows that are not late by its own watermark, which the window aggregate counts too, so it
 * never drops a row that could join; rows without a time or a value go on. Its maxima are a cache:
 * after a restore it starts empty and drops less.
 */
@Internal
public final class WindowMaxPruningOperator extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int valueField;
  private final int timeField;
  private final WindowSpec windows;
  private transient Map<Long, Comparable<Object>> highestBySlice;
  private transient long watermark;

  /** Prunes by input field {@code valueField}, the rows' slices of {@code windows} by field {@code timeField}. */
  public WindowMaxPruningOperator(int valueField, int timeField, WindowSpec windows) {
    this.valueField = valueField;
    this.timeField = timeField;
    this.windows = windows;
  }

  @Override
  public void open() throws Exception {
    super.open();
    highestBySlice = new HashMap<>();
    watermark = Long.MIN_VALUE;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(Row row, long timestamp) throws Exception {
    Object time = row.getField(timeField);
    Object value = row.getField(valueField);
    if (time != null && value != null) {
      long sliceEnd = windows.sliceEnd(EpochMillis.of(time));
      Comparable<Object> highest = highestBySlice.get(sliceEnd);
      if (highest != null && highest.compareTo(value) > 0) {
        return; // a higher value of the same slice: the row is no window's maximum
      }
      if (windows.lastWindowEnd(sliceEnd) - 1 > watermark) {
        highestBySlice.put(sliceEnd, (Comparable<Object>) value); // not late, so the aggregate counts it too
      }
    }
    output.collect(row, timestamp);
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    watermark = Math.max(watermark, mark.getTimestamp());
    for (Iterator<Long> slices = highestBySlice.keySet().iterator(); slices.hasNext(); ) {
      if (windows.lastWindowEnd(slices.next()) - 1 <= watermark) {
        slices.remove(); // every window of the slice fired: later rows of it are late and not counted
      }
    }
    super.processWatermark(mark);
  }
}
