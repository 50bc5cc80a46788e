package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.TimestampAssignerSupplier;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.expr.Expr;
import java.io.Serializable;

/**
 * A table's {@code WATERMARK FOR rowtime AS expression}: a row's timestamp is its rowtime column, and
 * the watermark is the largest value the expression took so far, emitted periodically. A
 * {@code TIMESTAMP} counts as UTC, as in Flink.
 */
@Internal
public final class RowtimeWatermarks implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int rowtimeIndex;
  // The rowtime computed from the row (a computed column's expression over the source's row), or null
  // to read it from field rowtimeIndex.
  private final Expr rowtime;
  private final Expr watermark;
  private final long delayMillis;

  /** Watermarks from {@code watermark}, timestamps from field {@code rowtimeIndex}. */
  public RowtimeWatermarks(int rowtimeIndex, Expr watermark) {
    this(rowtimeIndex, null, watermark, -1);
  }

  /**
   * Watermarks that trail the rowtime column (field {@code rowtimeIndex}) by {@code delayMillis}: the
   * common {@code WATERMARK FOR ts AS ts - INTERVAL ...}, computed from the row's timestamp instead of
   * evaluating the expression on every row.
   */
  public static RowtimeWatermarks boundedDelay(int rowtimeIndex, long delayMillis) {
    return new RowtimeWatermarks(rowtimeIndex, null, null, delayMillis);
  }

  /**
   * These watermarks over rows that do not hold the rowtime column (field {@code rowtimeIndex} of the
   * table's rows) but compute it with {@code rowtime}: a source's rows, before its computed columns.
   */
  public RowtimeWatermarks computedBy(Expr rowtime) {
    return new RowtimeWatermarks(rowtimeIndex, rowtime, watermark, delayMillis);
  }

  private RowtimeWatermarks(int rowtimeIndex, Expr rowtime, Expr watermark, long delayMillis) {
    this.rowtimeIndex = rowtimeIndex;
    this.rowtime = rowtime;
    this.watermark = watermark;
    this.delayMillis = delayMillis;
  }

  /**
   * The timestamp assigners: the rowtime column in epoch milliseconds, one assigner per parallel
   * instance, each of which remembers the last {@code TIMESTAMP} it converted.
   */
  public TimestampAssignerSupplier<Row> timestampAssigner() {
    int index = rowtimeIndex;
    Expr computed = rowtime;
    return context -> new RowtimeAssigner(index, computed);
  }

  /**
   * Reads a row's rowtime. Sources make one {@code TIMESTAMP} object per millisecond for all the rows
   * of that millisecond ({@code LastTimestamp}), so the same object comes many times in a row, and its
   * conversion (calendar arithmetic) is done once for all of them.
   */
  private static final class RowtimeAssigner implements TimestampAssigner<Row> {
    private final int index;
    private final Expr computed;
    private Object lastTime;
    private long lastMillis;

    RowtimeAssigner(int index, Expr computed) {
      this.index = index;
      this.computed = computed;
    }

    @Override
    public long extractTimestamp(Row row, long previous) {
      Object value = computed != null ? computed.eval(row) : row.getField(index);
      if (value == null) {
        throw new IllegalArgumentException("The rowtime column (field " + index + ") of row " + row + " is NULL;"
            + " a rowtime attribute needs a value in every row");
      }
      if (value != lastTime) {
        lastMillis = EpochMillis.of(value);
        lastTime = value;
      }
      return lastMillis;
    }
  }

  /** A generator that emits the largest watermark expression value seen, on each periodic emit. */
  public WatermarkGenerator<Row> generator() {
    Expr expression = watermark;
    long delay = delayMillis;
    return new WatermarkGenerator<>() {
      private long current = Long.MIN_VALUE;

      @Override
      public void onEvent(Row event, long eventTimestamp, WatermarkOutput output) {
        if (expression == null) {
          current = Math.max(current, eventTimestamp - delay);
          return;
        }
        Object value = expression.eval(event);
        if (value != null) {
          current = Math.max(current, EpochMillis.of(value));
        }
      }

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {
        if (current != Long.MIN_VALUE) {
          output.emitWatermark(new Watermark(current));
        }
      }
    };
  }
}
