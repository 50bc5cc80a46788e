package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/**
 * State that values are added to, and that is read as a whole.
 *
 * @param <IN> the type of added values
 * @param <OUT> the type of the read result
 */
@PublicEvolving
public interface AppendingState<IN, OUT> extends State {

  /** The current result for the current key, or {@code null} when nothing was added. */
  OUT get() throws Exception;

  /** Adds {@code value} for the current key. */
  void add(IN value) throws Exception;
}
