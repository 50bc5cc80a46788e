package io.spate.runtime.state;

import io.spate.runtime.state.heap.HeapKeyedStateBackend;

/** Snapshot and restore of the heap backend against the model. */
class HeapKeyedSnapshotRestoreProperties extends KeyedSnapshotRestoreProperties {

  @Override
  protected int backendKinds() {
    return 1;
  }

  @Override
  protected CheckpointableKeyedStateBackend<String> create(int kind, KeyedStateBackendParameters<String> parameters) {
    return new HeapKeyedStateBackend<>(parameters);
  }
}
