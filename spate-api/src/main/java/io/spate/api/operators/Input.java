package io.spate.api.operators;

/**
 * One input of a {@link MultipleInputStreamOperator}.
 *
 * @param <IN> the input's record type
 */
public interface Input<IN> {

  /** Handles one record of this input; {@code timestamp} is {@code Long.MIN_VALUE} when it has none. */
  void processElement(IN value, long timestamp) throws Exception;
}
