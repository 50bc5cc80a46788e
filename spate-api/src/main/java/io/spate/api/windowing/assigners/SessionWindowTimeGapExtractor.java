package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Gives the session gap for a record, for session windows whose gap depends on the data.
 *
 * @param <T> the record type
 */
@PublicEvolving
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {

  /** The session gap in milliseconds after {@code element}; must be positive. */
  long extract(T element);
}
