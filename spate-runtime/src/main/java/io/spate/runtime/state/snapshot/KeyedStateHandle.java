package io.spate.runtime.state.snapshot;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import java.io.IOException;

/** The snapshot of the keyed state of one operator instance, covering a range of key groups. */
public interface KeyedStateHandle extends java.io.Serializable {

  /** The key groups the snapshot holds. */
  KeyGroupRange getKeyGroupRange();

  /** The size of the snapshot in bytes. */
  long getStateSize();

  /**
   * The bytes this checkpoint wrote for the snapshot: less than {@link #getStateSize()} for an
   * incremental snapshot that references files of earlier checkpoints.
   */
  default long getCheckpointedSize() {
    return getStateSize();
  }

  /** Deletes what the snapshot stored. */
  void discardState() throws IOException;
}
