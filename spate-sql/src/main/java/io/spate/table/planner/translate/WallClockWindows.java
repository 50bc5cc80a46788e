package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.window.WindowZone;
import io.spate.table.runtime.operators.window.ZoneShiftOperator;
import java.time.ZoneId;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;

/**
 * Windows over a {@code TIMESTAMP_LTZ} event time, aligned in the session's time zone as in Flink: their
 * functions assign rows by wall-clock time ({@link WindowZone}), and every operator that waits for such
 * windows to close (window aggregates, Top-N, joins, a {@code SESSION} function's sessions) runs between
 * {@link #toWallClock} and {@link #fromWallClock}, which move the watermarks to the zone's time and back.
 */
final class WallClockWindows {

  private WallClockWindows() {}

  /**
   * The zone of the windows of the window function {@code window}: the session's {@code zone} if its time
   * column is a {@code TIMESTAMP_LTZ} event time, else null (a {@code TIMESTAMP} counts as UTC; for processing-time
   * windows see {@link #clockZone}).
   */
  static WindowZone zone(LogicalTableFunctionScan window, ZoneId zone) {
    WindowCall call = WindowCall.of(window);
    return call.localTime() || TimeAttributes.isProctime(window.getInput(0), call.timeField()) ? null
        : new WindowZone(zone);
  }

  /**
   * The zone on whose wall clock the processing-time windows of the window function {@code window} are
   * aligned: the session's {@code zone} if its time column is a {@code PROCTIME()} attribute, else null.
   * Processing-time operators read the clock themselves, so no watermark moves for them.
   */
  static WindowZone clockZone(LogicalTableFunctionScan window, ZoneId zone) {
    WindowCall call = WindowCall.of(window);
    return TimeAttributes.isProctime(window.getInput(0), call.timeField()) ? new WindowZone(zone) : null;
  }

  /** {@code rows} with their watermarks in {@code zone}'s wall-clock time, for operators on its windows. */
  static DataStream<Row> toWallClock(DataStream<Row> rows, WindowZone zone) {
    return zone == null || !zone.shifts() ? rows
        : rows.transform("Watermarks to " + zone + " time", rows.getType(), ZoneShiftOperator.toLocal(zone));
  }

  /** The rows of operators on {@code zone}'s windows, with their watermarks back in instants. */
  static DataStream<Row> fromWallClock(DataStream<Row> rows, WindowZone zone) {
    return zone == null || !zone.shifts() ? rows
        : rows.transform("Watermarks from " + zone + " time", rows.getType(), ZoneShiftOperator.toEpoch(zone));
  }
}
