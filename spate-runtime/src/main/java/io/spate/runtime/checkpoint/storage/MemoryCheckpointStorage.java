package io.spate.runtime.checkpoint.storage;

import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.io.IOException;

/**
 * Checkpoints kept in the JobMaster's memory, for jobs without a checkpoint directory: they survive
 * task failures but not the loss of the JobMaster. Savepoints still go to files.
 */
public final class MemoryCheckpointStorage implements CheckpointStorage {

  /** The most bytes one piece of a task's state may take in memory. */
  public static final int MAX_STATE_SIZE = 64 * 1024 * 1024;

  private final int inlineThreshold;

  /** Creates the storage. */
  public MemoryCheckpointStorage(CheckpointSettings settings) {
    this.inlineThreshold = settings.inlineThreshold();
  }

  @Override
  public CheckpointStorageLocation initializeLocation(long checkpointId, CheckpointOptions options) throws IOException {
    if (options.type().isSavepoint()) {
      return new FileCheckpointLocation(CheckpointPaths.parse(options.targetDirectory(), "savepoint directory"));
    }
    return new CheckpointStorageLocation() {
      @Override
      public String finalizeCheckpoint(CheckpointMetadata metadata) {
        return null;
      }

      @Override
      public void discard() {}
    };
  }

  @Override
  public CheckpointStreamFactory resolveStreams(long checkpointId, CheckpointOptions options) {
    if (options.type().isSavepoint()) {
      return new FsCheckpointStreamFactory(CheckpointPaths.parse(options.targetDirectory(), "savepoint directory"),
          inlineThreshold);
    }
    return new MemoryCheckpointStreamFactory(MAX_STATE_SIZE);
  }
}
