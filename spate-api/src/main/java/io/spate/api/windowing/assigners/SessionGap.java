package io.spate.api.windowing.assigners;

import io.spate.api.windowing.windows.TimeWindow;
import java.util.List;

/** What the session assigners share: the window a record opens, and the check of dynamic gaps. */
final class SessionGap {

  private SessionGap() {}

  static List<TimeWindow> window(long start, long gap) {
    return List.of(new TimeWindow(start, start + gap));
  }

  static <T> long extract(String assigner, SessionWindowTimeGapExtractor<T> extractor, T element) {
    long gap = extractor.extract(element);
    if (gap <= 0) {
      throw new IllegalArgumentException(assigner + ": the dynamic session gap must be positive, but the "
          + "gap extractor returned " + gap + " ms for the record " + element + ".");
    }
    return gap;
  }

  static <T> SessionWindowTimeGapExtractor<T> checkExtractor(String assigner, SessionWindowTimeGapExtractor<T> extractor) {
    if (extractor == null) {
      throw new IllegalArgumentException(assigner + ": the session gap extractor must not be null.");
    }
    return extractor;
  }
}
