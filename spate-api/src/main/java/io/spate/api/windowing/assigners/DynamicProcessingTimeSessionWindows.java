package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;

/**
 * Processing-time sessions whose gap after each record comes from the record; made by
 * {@link ProcessingTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class DynamicProcessingTimeSessionWindows<T> extends SessionWindowAssigner<T> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "ProcessingTimeSessionWindows.withDynamicGap";

  private final SessionWindowTimeGapExtractor<T> extractor;

  DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    super(NAME, false);
    this.extractor = extractor;
  }

  /** Sessions whose gap after each record is given by {@code sessionWindowTimeGapExtractor}. */
  public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
    return ProcessingTimeSessionWindows.withDynamicGap(sessionWindowTimeGapExtractor);
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
