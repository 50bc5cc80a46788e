package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/**
 * One value per key that every added value is reduced into with the descriptor's function.
 *
 * @param <T> the value type
 */
@PublicEvolving
public interface ReducingState<T> extends MergingState<T, T> {}
