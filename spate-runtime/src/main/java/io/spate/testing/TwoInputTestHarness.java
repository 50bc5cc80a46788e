package io.spate.testing;

import io.spate.api.operators.TwoInputStreamOperator;

/**
 * Runs a two-input function without a cluster: push records to either input, watermarks and
 * processing time; read what it emitted.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
public final class TwoInputTestHarness<IN1, IN2, OUT>
    extends AbstractTestHarness<OUT, TwoInputTestHarness<IN1, IN2, OUT>> {

  private final TwoInputStreamOperator<IN1, IN2, OUT> operator;

  TwoInputTestHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator, String name) {
    super(operator, name);
    this.operator = operator;
  }

  /** Delivers a record to the first input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement1(IN1 value) throws Exception {
    return processElement1(value, Long.MIN_VALUE);
  }

  /** Delivers a record with {@code timestamp} to the first input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement1(IN1 value, long timestamp) throws Exception {
    ensureOpen();
    operator.processElement1(value, timestamp);
    return this;
  }

  /** Delivers a record to the second input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement2(IN2 value) throws Exception {
    return processElement2(value, Long.MIN_VALUE);
  }

  /** Delivers a record with {@code timestamp} to the second input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement2(IN2 value, long timestamp) throws Exception {
    ensureOpen();
    operator.processElement2(value, timestamp);
    return this;
  }
}
