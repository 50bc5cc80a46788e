package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A {@link Supplier} that can be shipped with a job, for factories that a format or sink calls on
 * the task (Flink's {@code SerializableSupplier}).
 *
 * @param <T> the supplied type
 */
@PublicEvolving
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {}
