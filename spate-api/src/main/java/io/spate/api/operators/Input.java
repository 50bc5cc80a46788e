package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * One input of a {@link MultipleInputStreamOperator}.
 *
 * @param <IN> the input's record type
 */
@PublicEvolving
public interface Input<IN> {

  /** Handles one record of this input; {@code timestamp} is {@code Long.MIN_VALUE} when it has none. */
  void processElement(IN value, long timestamp) throws Exception;
}
