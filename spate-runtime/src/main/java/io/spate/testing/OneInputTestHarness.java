package io.spate.testing;

import io.spate.api.functions.KeySelector;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.InFlightOperator;
import java.util.Collections;

/**
 * Runs a one-input function or operator without a cluster: push records (with timestamps),
 * watermarks and processing time; read what it emitted.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public final class OneInputTestHarness<IN, OUT> extends AbstractTestHarness<OUT, OneInputTestHarness<IN, OUT>> {

  /** A harness for the operator {@code factory} creates, keyed by {@code stateKeySelector} unless it is null. */
  OneInputTestHarness(StreamOperatorFactory<OUT> factory, String name, KeySelector<IN, ?> stateKeySelector) {
    super(factory, name, Collections.singletonList(stateKeySelector));
  }

  /** Delivers a record without a timestamp. */
  public OneInputTestHarness<IN, OUT> processElement(IN value) throws Exception {
    return processElement(value, Long.MIN_VALUE);
  }

  /** Delivers a record with {@code timestamp}. */
  @SuppressWarnings("unchecked")
  public OneInputTestHarness<IN, OUT> processElement(IN value, long timestamp) throws Exception {
    ensureOpen();
    OneInputStreamOperator<IN, OUT> operator = (OneInputStreamOperator<IN, OUT>) operator();
    if (operator instanceof InFlightOperator inFlight) {
      inFlight.runCompletions();
      if (!inFlight.canTakeInput()) {
        throw new IllegalStateException("The operator is at capacity (a task would stop feeding it now);"
            + " complete some of its requests first");
      }
    }
    enterKeyOf(0, value);
    operator.processElement(value, timestamp);
    processCompletions();
    return this;
  }
}
