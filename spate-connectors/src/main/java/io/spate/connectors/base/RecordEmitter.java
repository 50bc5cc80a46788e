package io.spate.connectors.base;

import io.spate.api.connector.source.SourceOutput;

/**
 * Turns one fetched element into records on the task thread and moves its split's position past
 * it, so that a checkpoint taken after this call covers exactly the elements already emitted.
 *
 * @param <E> the fetched element type
 * @param <T> the record type
 * @param <SplitStateT> the mutable state of a split (its position)
 */
@FunctionalInterface
public interface RecordEmitter<E, T, SplitStateT> {

  /** Emits the records of {@code element} to {@code output} and updates {@code splitState}. */
  void emitRecord(E element, SourceOutput<T> output, SplitStateT splitState) throws Exception;
}
