package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.storage.CheckpointStorageLocation;

/**
 * A checkpoint or savepoint every subtask acknowledged and whose metadata is written.
 *
 * @param metadata what it holds
 * @param externalPointer its directory, or null when it lives in memory
 * @param location where it was written, to discard it
 */
public record CompletedCheckpoint(CheckpointMetadata metadata, String externalPointer,
    CheckpointStorageLocation location) {

  /** The checkpoint's id. */
  public long checkpointId() {
    return metadata.checkpointId();
  }
}
