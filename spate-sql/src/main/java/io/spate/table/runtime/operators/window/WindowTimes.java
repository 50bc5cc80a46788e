package io.spate.table.runtime.operators.window;

import io.spate.table.runtime.expr.EpochMillis;

/**
 * The {@code window_start}, {@code window_end} and {@code window_time} values of the window asked for
 * last, made again only when another window is asked for. Rows mostly come (and windows mostly fire)
 * many at a time for the same window, and the time objects are immutable, so they are shared.
 */
final class WindowTimes {

  private long start;
  private long end;
  private boolean local;
  private WindowZone zone;
  private Object[] values;

  /**
   * The three columns of window [{@code start}, {@code end}): {@code LocalDateTime}s if {@code local},
   * else {@code Instant}s. The array is shared: callers read it, never write it.
   */
  Object[] of(long start, long end, boolean local) {
    return of(start, end, local, null);
  }

  /**
   * As {@link #of(long, long, boolean)}; with a {@code zone} (not null), {@code start} and {@code end} are
   * that zone's wall-clock times, whose columns are {@code LocalDateTime}s, and {@code window_time} is the
   * instant before the one at which the window ends there.
   */
  Object[] of(long start, long end, boolean local, WindowZone zone) {
    if (values == null || start != this.start || end != this.end || local != this.local || zone != this.zone) {
      values = zone == null ? new Object[] {EpochMillis.toTime(start, local), EpochMillis.toTime(end, local),
          EpochMillis.toTime(end - 1, local)}
          : new Object[] {EpochMillis.toTime(start, true), EpochMillis.toTime(end, true),
              EpochMillis.toTime(zone.toEpoch(end) - 1, false)};
      this.start = start;
      this.end = end;
      this.local = local;
      this.zone = zone;
    }
    return values;
  }
}
