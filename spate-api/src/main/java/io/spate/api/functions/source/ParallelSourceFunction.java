package io.spate.api.functions.source;

import io.spate.api.annotation.Public;

/**
 * A {@link SourceFunction} that may run with any parallelism: each parallel instance runs its own
 * copy and should emit its own share of the input.
 *
 * @param <T> the record type
 */
@Public
public interface ParallelSourceFunction<T> extends SourceFunction<T> {}
