package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * A factory of one-input operators, as Flink names it; {@code transform} takes it as it takes any
 * {@link StreamOperatorFactory}.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@PublicEvolving
public interface OneInputStreamOperatorFactory<IN, OUT> extends StreamOperatorFactory<OUT> {}
