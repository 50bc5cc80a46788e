package io.spate.runtime.checkpoint.storage;

import io.spate.api.common.JobID;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import java.io.IOException;

/**
 * Where a job's checkpoints and savepoints are written. The JobMaster prepares each location and
 * writes the metadata; tasks write their state through {@link #resolveStreams}.
 */
public interface CheckpointStorage {

  /** Prepares the location of checkpoint {@code checkpointId} (a savepoint if the options say so). */
  CheckpointStorageLocation initializeLocation(long checkpointId, CheckpointOptions options) throws IOException;

  /** Where a task writes its state for checkpoint {@code checkpointId}; called by the task. */
  CheckpointStreamFactory resolveStreams(long checkpointId, CheckpointOptions options) throws IOException;

  /** The storage of job {@code jobId} as {@code settings} choose it: files if a directory is set, else memory. */
  static CheckpointStorage forJob(CheckpointSettings settings, JobID jobId) {
    return settings.checkpointDirectory() == null
        ? new MemoryCheckpointStorage(settings)
        : new FileSystemCheckpointStorage(settings, jobId);
  }
}
