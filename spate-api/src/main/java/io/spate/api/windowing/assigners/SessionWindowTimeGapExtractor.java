package io.spate.api.windowing.assigners;

import java.io.Serializable;

/**
 * Gives the session gap for a record, for session windows whose gap depends on the data.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {

  /** The session gap in milliseconds after {@code element}; must be positive. */
  long extract(T element);
}
