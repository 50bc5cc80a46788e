package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * An operator with two inputs.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@PublicEvolving
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {

  /** Handles a record of the first input. */
  void processElement1(IN1 value, long timestamp) throws Exception;

  /** Handles a record of the second input. */
  void processElement2(IN2 value, long timestamp) throws Exception;

  /**
   * The input (0 or 1) that the task must read to its end before it reads the other, or -1 to read
   * both as records arrive; asked once, after {@link #open()}.
   */
  default int inputToReadFirst() {
    return -1;
  }
}
