package io.spate.api.windowing.assigners;

import io.spate.api.windowing.windows.TimeWindow;
import java.util.List;

/**
 * The windows of a tumbling assigner for a run of timestamps: consecutive records usually fall into
 * the same window, so the last window's (immutable) list is kept and handed out again, and a record
 * costs no allocation until time moves into the next window.
 */
final class TumblingWindows {

  private final long size;
  private final long offset;
  private long lastStart = Long.MAX_VALUE;
  private List<TimeWindow> last;

  TumblingWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  List<TimeWindow> windowsFor(long timestamp) {
    if (last == null || timestamp < lastStart || timestamp - lastStart >= size) {
      lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
      last = List.of(new TimeWindow(lastStart, lastStart + size));
    }
    return last;
  }
}
