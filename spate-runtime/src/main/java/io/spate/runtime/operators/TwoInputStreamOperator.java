package io.spate.runtime.operators;

/**
 * An operator with two inputs.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {

  /** Handles a record of the first input. */
  void processElement1(IN1 value, long timestamp) throws Exception;

  /** Handles a record of the second input. */
  void processElement2(IN2 value, long timestamp) throws Exception;
}
