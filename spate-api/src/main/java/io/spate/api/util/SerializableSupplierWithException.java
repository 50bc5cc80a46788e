package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * A {@link SupplierWithException} that can be shipped with a job.
 *
 * @param <T> what it supplies
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface SerializableSupplierWithException<T, E extends Throwable>
    extends SupplierWithException<T, E>, Serializable {}
