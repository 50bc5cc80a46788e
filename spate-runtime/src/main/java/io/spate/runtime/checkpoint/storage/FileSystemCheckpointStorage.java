package io.spate.runtime.checkpoint.storage;

import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import io.spate.api.common.JobID;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Checkpoints in a directory of any {@code java.nio} file system: {@code <dir>/<job id>/chk-<n>/}
 * with one metadata file and the tasks' state files, and {@code <dir>/<job id>/shared/} with files
 * that several checkpoints reference (incremental checkpoints); savepoints in their own directories.
 */
public final class FileSystemCheckpointStorage implements CheckpointStorage {

  /** The name of the directory, beside the {@code chk-<n>} directories, of the shared files. */
  public static final String SHARED_DIRECTORY = MetadataSerializer.SHARED_DIRECTORY;

  private final Path jobDirectory;
  private final int inlineThreshold;

  /** The storage of job {@code jobId} under {@code settings.checkpointDirectory()}. */
  public FileSystemCheckpointStorage(CheckpointSettings settings, JobID jobId) {
    this.jobDirectory = CheckpointPaths.parse(settings.checkpointDirectory(), "state.checkpoints.dir")
        .resolve(jobId.toString());
    this.inlineThreshold = settings.inlineThreshold();
  }

  /** The directory that holds this job's checkpoints. */
  public Path jobDirectory() {
    return jobDirectory;
  }

  @Override
  public CheckpointStorageLocation initializeLocation(long checkpointId, CheckpointOptions options) throws IOException {
    return new FileCheckpointLocation(directoryOf(checkpointId, options));
  }

  /** The directory of files shared between this job's checkpoints. */
  public Path sharedDirectory() {
    return jobDirectory.resolve(SHARED_DIRECTORY);
  }

  @Override
  public CheckpointStreamFactory resolveStreams(long checkpointId, CheckpointOptions options) {
    // Savepoints are self-contained: they get no shared scope, so backends write them in full.
    return new FsCheckpointStreamFactory(directoryOf(checkpointId, options),
        options.type().isSavepoint() ? null : sharedDirectory(), inlineThreshold);
  }

  private Path directoryOf(long checkpointId, CheckpointOptions options) {
    return options.type().isSavepoint()
        ? CheckpointPaths.parse(options.targetDirectory(), "savepoint directory")
        : jobDirectory.resolve("chk-" + checkpointId);
  }
}
