package io.spate.runtime.checkpoint.storage;

import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import java.io.IOException;
import java.nio.file.Path;

/** Where one checkpoint or savepoint is being written; used by the JobMaster. */
public interface CheckpointStorageLocation {

  /**
   * Writes the metadata, which makes the checkpoint complete; returns its external pointer (the
   * directory to restore from), or null for checkpoints kept in memory.
   */
  String finalizeCheckpoint(CheckpointMetadata metadata) throws IOException;

  /** Deletes what was written to this location (an aborted or subsumed checkpoint). */
  void discard() throws IOException;

  /** The directory that {@link #discard} deletes, or null when it deletes no files. */
  default Path directory() {
    return null;
  }
}
