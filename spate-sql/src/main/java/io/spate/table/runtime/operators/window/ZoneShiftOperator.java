package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.types.Row;

/**
 * Passes rows on and moves the watermarks (and the records' timestamps) between instants and a {@link
 * WindowZone}'s wall-clock time, around window operators that run on local time: before them {@link
 * #toLocal}, after them {@link #toEpoch}. A watermark never goes back: where the wall clock does (the hour
 * a summer time ends, shown twice) the moved watermark waits until it passes its highest value again.
 * The end of input (the largest watermark) stays the end of input.
 */
@Internal
public final class ZoneShiftOperator extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final WindowZone zone;
  private final boolean toLocal;
  private transient long watermark;

  private ZoneShiftOperator(WindowZone zone, boolean toLocal) {
    this.zone = zone;
    this.toLocal = toLocal;
  }

  /** From instants to {@code zone}'s wall-clock time. */
  public static ZoneShiftOperator toLocal(WindowZone zone) {
    return new ZoneShiftOperator(zone, true);
  }

  /** From {@code zone}'s wall-clock time back to instants. */
  public static ZoneShiftOperator toEpoch(WindowZone zone) {
    return new ZoneShiftOperator(zone, false);
  }

  @Override
  public void open() throws Exception {
    super.open();
    watermark = Long.MIN_VALUE;
  }

  @Override
  public void processElement(Row row, long timestamp) throws Exception {
    output.collect(row, shift(timestamp));
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    long shifted = Math.max(watermark, shift(mark.getTimestamp()));
    if (shifted > watermark) {
      watermark = shifted;
      super.processWatermark(new Watermark(shifted));
    }
  }

  private long shift(long time) {
    if (time == Long.MAX_VALUE || time == Long.MIN_VALUE) {
      return time;
    }
    return toLocal ? zone.toLocal(time) : zone.toEpoch(time);
  }
}
