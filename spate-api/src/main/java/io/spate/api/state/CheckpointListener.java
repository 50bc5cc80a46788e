package io.spate.api.state;

import io.spate.api.annotation.Public;

/**
 * Implemented by functions, sources, sinks and operators that act when a checkpoint they took part in
 * completes (for example, commit a transaction) or is aborted. Notifications may be lost (after a
 * failure) or subsumed: a later checkpoint's completion implies the earlier ones'.
 */
@Public
public interface CheckpointListener {

  /** Checkpoint {@code checkpointId} completed: everything it holds is durable. */
  void notifyCheckpointComplete(long checkpointId) throws Exception;

  /** Checkpoint {@code checkpointId} was aborted; does nothing by default. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
