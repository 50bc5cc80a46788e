package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;

/**
 * One value per key.
 *
 * @param <T> the value type
 */
@PublicEvolving
public interface ValueState<T> extends State {

  /** The value for the current key, or the descriptor's default (null unless set) when there is none. */
  T value() throws IOException;

  /** Sets the value for the current key; {@code null} clears it. */
  void update(T value) throws IOException;
}
