package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;

/**
 * Event-time sessions whose gap after each record comes from the record; made by
 * {@link EventTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class DynamicEventTimeSessionWindows<T> extends SessionWindowAssigner<T> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "EventTimeSessionWindows.withDynamicGap";

  private final SessionWindowTimeGapExtractor<T> extractor;

  DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    super(NAME, true);
    this.extractor = extractor;
  }

  /** Sessions whose gap after each record is given by {@code sessionWindowTimeGapExtractor}. */
  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
    return EventTimeSessionWindows.withDynamicGap(sessionWindowTimeGapExtractor);
  }

  @Override
  long gapOf(T element) {
    return dynamicGap(extractor, element);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
