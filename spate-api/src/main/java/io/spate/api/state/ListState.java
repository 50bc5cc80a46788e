package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;

/**
 * A list of values per key.
 *
 * @param <T> the element type
 */
@PublicEvolving
public interface ListState<T> extends MergingState<T, Iterable<T>> {

  /** Replaces the list for the current key with {@code values} (empty or null clears it). */
  void update(List<T> values) throws Exception;

  /** Appends all of {@code values} for the current key. */
  void addAll(List<T> values) throws Exception;
}
