package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/**
 * One accumulator per key that every added value is aggregated into with the descriptor's
 * {@link io.spate.api.functions.AggregateFunction}; reading it gives the aggregate's result.
 *
 * @param <IN> the type of added values
 * @param <OUT> the type of the result
 */
@PublicEvolving
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
