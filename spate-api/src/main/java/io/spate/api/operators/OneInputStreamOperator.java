package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * An operator with one input.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@PublicEvolving
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {

  /** Handles one record. */
  void processElement(IN value, long timestamp) throws Exception;
}
