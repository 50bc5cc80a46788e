package io.spate.runtime.state;

import io.spate.api.state.OperatorStateStore;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorStateHandle;

/** The operator state of one operator instance, with its snapshots. */
public interface OperatorStateBackend extends OperatorStateStore {

  /**
   * The synchronous part of a snapshot of every registered state (a copy of the lists and maps); the
   * returned part serializes and writes it.
   */
  AsyncSnapshot<OperatorStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streams) throws Exception;

  /** Releases what the backend holds. */
  default void dispose() {}
}
