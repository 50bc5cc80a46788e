package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;

/**
 * The factory of a built-in operator that the runtime implements, because the operator needs more
 * than the SPI offers (the task's mailbox, or the key a keyed exchange computed without keyed
 * state). The factory only describes what the operator computes; the runtime registers how to
 * create it for each factory class (see {@link RuntimeOperatorProvider}). Internal: built by the
 * API, not a stable interface.
 *
 * @param <OUT> the output type
 */
@Internal
public interface RuntimeOperatorFactory<OUT> extends StreamOperatorFactory<OUT> {

  /** Creates the operator that the runtime registered for this factory's class, and sets it up. */
  @Override
  @SuppressWarnings("unchecked")
  default <T extends StreamOperator<OUT>> T createStreamOperator(StreamOperatorParameters<OUT> parameters) {
    StreamOperator<OUT> operator = RuntimeOperatorProviders.create(this, parameters);
    operator.setup(parameters);
    return (T) operator;
  }
}
