package io.spate.api.windowing.assigners;

import io.spate.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows of a sliding assigner. Window bounds all fall on multiples of gcd(size, slide) from
 * the offset, so every timestamp of one such pane belongs to the same windows: the last pane's
 * (immutable) list is handed out again until time leaves the pane. (A slide-long pane is not
 * enough when the slide does not divide the size: the oldest window ends inside the slide.)
 */
final class SlidingWindows {

  private final long size;
  private final long slide;
  private final long offset;
  private final long pane;
  private long lastPaneStart = Long.MAX_VALUE;
  private List<TimeWindow> last;

  SlidingWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
    this.pane = gcd(size, slide);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  List<TimeWindow> windowsFor(long timestamp) {
    if (last == null || timestamp < lastPaneStart || timestamp - lastPaneStart >= pane) {
      lastPaneStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, pane);
      List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
      // newest window first; stop before a window would end at or before the timestamp
      for (long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide); start > timestamp - size;
          start -= slide) {
        windows.add(new TimeWindow(start, start + size));
      }
      last = List.copyOf(windows);
    }
    return last;
  }
}
