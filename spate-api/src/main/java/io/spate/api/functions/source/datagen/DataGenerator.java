package io.spate.api.functions.source.datagen;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.functions.RuntimeContext;
import java.io.Serializable;
import java.util.Iterator;

/**
 * Produces the records of a {@link DataGeneratorSource}: an iterator that is opened once per
 * parallel instance, where it registers and restores its state, and that takes its state into every
 * checkpoint.
 *
 * @param <T> the record type
 */
@PublicEvolving
public interface DataGenerator<T> extends Serializable, Iterator<T> {

  /**
   * Prepares the generator of one parallel instance: {@code name} prefixes the names of its state,
   * {@code context} gives its operator state (restored after a failure), {@code runtimeContext} its subtask.
   */
  void open(String name, FunctionInitializationContext context, RuntimeContext runtimeContext) throws Exception;

  /** Takes the generator's state into a checkpoint; nothing by default. */
  default void snapshotState(FunctionSnapshotContext context) throws Exception {}
}
