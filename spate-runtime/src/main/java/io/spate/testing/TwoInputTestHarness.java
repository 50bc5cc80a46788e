package io.spate.testing;

import io.spate.api.functions.KeySelector;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.TwoInputStreamOperator;
import java.util.Arrays;

/**
 * Runs a two-input function or operator without a cluster: push records to either input, watermarks
 * and processing time; read what it emitted.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
public final class TwoInputTestHarness<IN1, IN2, OUT>
    extends AbstractTestHarness<OUT, TwoInputTestHarness<IN1, IN2, OUT>> {

  /**
   * A harness for the operator {@code factory} creates; an input is keyed by its selector unless it
   * is null.
   */
  TwoInputTestHarness(StreamOperatorFactory<OUT> factory, String name, KeySelector<IN1, ?> stateKeySelector1,
      KeySelector<IN2, ?> stateKeySelector2) {
    super(factory, name, Arrays.asList(stateKeySelector1, stateKeySelector2));
  }

  @SuppressWarnings("unchecked")
  private TwoInputStreamOperator<IN1, IN2, OUT> operator2() {
    return (TwoInputStreamOperator<IN1, IN2, OUT>) operator();
  }

  /** Delivers a record to the first input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement1(IN1 value) throws Exception {
    return processElement1(value, Long.MIN_VALUE);
  }

  /** Delivers a record with {@code timestamp} to the first input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement1(IN1 value, long timestamp) throws Exception {
    ensureOpen();
    enterKeyOf(0, value);
    operator2().processElement1(value, timestamp);
    return this;
  }

  /** Delivers a record to the second input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement2(IN2 value) throws Exception {
    return processElement2(value, Long.MIN_VALUE);
  }

  /** Delivers a record with {@code timestamp} to the second input. */
  public TwoInputTestHarness<IN1, IN2, OUT> processElement2(IN2 value, long timestamp) throws Exception {
    ensureOpen();
    enterKeyOf(1, value);
    operator2().processElement2(value, timestamp);
    return this;
  }
}
