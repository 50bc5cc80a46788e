package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * A factory of two-input operators, as Flink names it; {@code ConnectedStreams.transform} takes it
 * as it takes any {@link StreamOperatorFactory}.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@PublicEvolving
public interface TwoInputStreamOperatorFactory<IN1, IN2, OUT> extends StreamOperatorFactory<OUT> {}
