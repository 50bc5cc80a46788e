package io.spate.testing;

import io.spate.api.functions.KeySelector;
import io.spate.runtime.operators.InFlightOperator;
import io.spate.api.operators.OneInputStreamOperator;

/**
 * Runs a one-input function or operator without a cluster: push records (with timestamps),
 * watermarks and processing time; read what it emitted.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public final class OneInputTestHarness<IN, OUT> extends AbstractTestHarness<OUT, OneInputTestHarness<IN, OUT>> {

  private final OneInputStreamOperator<IN, OUT> operator;
  // Set for a keyed operator of the SPI: the harness makes each record's key current, as the task does.
  private KeySelector<IN, ?> stateKeySelector;

  OneInputTestHarness(OneInputStreamOperator<IN, OUT> operator, String name) {
    super(operator, name);
    this.operator = operator;
  }

  /** Runs an operator of the SPI keyed by {@code selector}, or not keyed if it is null. */
  OneInputTestHarness<IN, OUT> withStateKeySelector(KeySelector<IN, ?> selector) {
    setKeyedState(selector != null);
    stateKeySelector = selector;
    return this;
  }

  /** Delivers a record without a timestamp. */
  public OneInputTestHarness<IN, OUT> processElement(IN value) throws Exception {
    return processElement(value, Long.MIN_VALUE);
  }

  /** Delivers a record with {@code timestamp}. */
  public OneInputTestHarness<IN, OUT> processElement(IN value, long timestamp) throws Exception {
    ensureOpen();
    if (operator instanceof InFlightOperator inFlight) {
      inFlight.runCompletions();
      if (!inFlight.canTakeInput()) {
        throw new IllegalStateException("The operator is at capacity (a task would stop feeding it now);"
            + " complete some of its requests first");
      }
    }
    if (stateKeySelector != null) {
      setCurrentKey(stateKeySelector.getKey(value));
    }
    operator.processElement(value, timestamp);
    processCompletions();
    return this;
  }
}
