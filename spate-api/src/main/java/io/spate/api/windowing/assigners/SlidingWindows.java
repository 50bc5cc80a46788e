package io.spate.api.windowing.assigners;

import io.spate.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows of a sliding assigner: every timestamp of one slide-long pane belongs to the same
 * windows, so the last pane's (immutable) list is handed out again until time leaves the pane.
 */
final class SlidingWindows {

  private final long size;
  private final long slide;
  private final long offset;
  private long lastPaneStart = Long.MAX_VALUE;
  private List<TimeWindow> last;

  SlidingWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  List<TimeWindow> windowsFor(long timestamp) {
    if (last == null || timestamp < lastPaneStart || timestamp - lastPaneStart >= slide) {
      lastPaneStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
      List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
      // newest window first; stop before a window would end at or before the timestamp
      for (long start = lastPaneStart; start > timestamp - size; start -= slide) {
        windows.add(new TimeWindow(start, start + size));
      }
      last = List.copyOf(windows);
    }
    return last;
  }
}
