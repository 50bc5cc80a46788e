package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * A {@link java.util.function.Function} that can be shipped with a job (Flink's {@code
 * SerializableFunction}).
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@PublicEvolving
@FunctionalInterface
public interface SerializableFunction<T, R> extends java.util.function.Function<T, R>, Serializable {}
