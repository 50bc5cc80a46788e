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
  private Object[] values;

  /**
   * The three columns of window [{@code start}, {@code end}): {@code LocalDateTime}s if {@code local},
   * else {@code Instant}s. The array is shared: callers read it, never write it.
   */
  Object[] of(long start, long end, boolean local) {
    if (values == null || start != this.start || end != this.end || local != this.local) {
      values = new Object[] {EpochMillis.toTime(start, local), EpochMillis.toTime(end, local),
          EpochMillis.toTime(end - 1, local)};
      this.start = start;
      this.end = end;
      this.local = local;
    }
    return values;
  }
}
