package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Expr;
import java.io.Serializable;

/**
 * A table's {@code WATERMARK FOR rowtime AS expression} where the rowtime is a computed column,
 * assigned to the rows the connector produces, before the computed columns exist: a row's timestamp
 * is the computed column's expression over it, and the watermark the largest value the watermark
 * expression took so far (or the largest timestamp less a constant delay), emitted periodically.
 */
@Internal
public final class ComputedRowtimeWatermarks implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Expr rowtime;
  private final Expr watermark;
  private final long delayMillis;

  /**
   * Timestamps from {@code rowtime}; watermarks from {@code watermark}, or, when it is null, the
   * timestamps less {@code delayMillis}.
   */
  public ComputedRowtimeWatermarks(Expr rowtime, Expr watermark, long delayMillis) {
    if (watermark == null && delayMillis < 0) {
      throw new IllegalArgumentException("A watermark needs an expression or a delay of 0 ms or more, not "
          + delayMillis);
    }
    this.rowtime = rowtime;
    this.watermark = watermark;
    this.delayMillis = delayMillis;
  }

  /** The timestamp assigner: the rowtime expression's value in epoch milliseconds. */
  public TimestampAssigner<Row> timestampAssigner() {
    Expr expression = rowtime;
    return (row, previous) -> {
      Object value = expression.eval(row);
      if (value == null) {
        throw new IllegalArgumentException("The rowtime column (a computed column) of the row " + row + " is NULL;"
            + " a rowtime attribute needs a value in every row");
      }
      return RowtimeWatermarks.epochMillis(value);
    };
  }

  /** A generator that emits the largest watermark seen, on each periodic emit. */
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
          current = Math.max(current, RowtimeWatermarks.epochMillis(value));
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
