package io.spate.api.state;

/**
 * One value per key that every added value is reduced into with the descriptor's function.
 *
 * @param <T> the value type
 */
public interface ReducingState<T> extends MergingState<T, T> {}
