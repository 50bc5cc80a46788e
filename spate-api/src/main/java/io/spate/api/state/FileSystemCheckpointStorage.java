package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import java.net.URI;
import java.util.Objects;

/**
 * Writes checkpoints to files under a directory, one subdirectory per job: the same as setting
 * {@code state.checkpoints.dir} (and, with a threshold, {@code state.storage.fs.memory-threshold}).
 */
@PublicEvolving
public class FileSystemCheckpointStorage implements CheckpointStorage {

  private static final long serialVersionUID = 1L;

  private final URI checkpointDirectory;
  private final URI savepointDirectory;
  private final int fileStateSizeThreshold;

  /** Checkpoints under {@code checkpointDirectory}, a local path or a URI such as {@code file:///data/checkpoints}. */
  public FileSystemCheckpointStorage(String checkpointDirectory) {
    this(CheckpointingOptions.directoryUri(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory));
  }

  /** Checkpoints under the directory {@code checkpointDirectory}. */
  public FileSystemCheckpointStorage(URI checkpointDirectory) {
    this(checkpointDirectory, -1);
  }

  /**
   * Checkpoints under {@code checkpointDirectory}; state smaller than {@code fileStateSizeThreshold}
   * bytes (at most 1 mb; -1 for the configured default) is kept in the checkpoint's metadata rather
   * than in a file of its own.
   */
  public FileSystemCheckpointStorage(URI checkpointDirectory, int fileStateSizeThreshold) {
    this(checkpointDirectory, null, fileStateSizeThreshold);
  }

  /** Like {@link #FileSystemCheckpointStorage(URI, int)}, with a default savepoint directory (null for none). */
  FileSystemCheckpointStorage(URI checkpointDirectory, URI savepointDirectory, int fileStateSizeThreshold) {
    Objects.requireNonNull(checkpointDirectory, CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
    this.checkpointDirectory =
        CheckpointingOptions.directoryUri(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory.toString());
    this.savepointDirectory = savepointDirectory == null ? null
        : CheckpointingOptions.directoryUri(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepointDirectory.toString());
    if (fileStateSizeThreshold < -1
        || fileStateSizeThreshold > CheckpointingOptions.MAX_FS_SMALL_FILE_THRESHOLD.bytes()) {
      throw new IllegalConfigurationException("Invalid file state size threshold " + fileStateSizeThreshold
          + " for " + CheckpointingOptions.FS_SMALL_FILE_THRESHOLD.key() + ": it must be between 0 and "
          + CheckpointingOptions.MAX_FS_SMALL_FILE_THRESHOLD.bytes() + " bytes, or -1 for the default.");
    }
    this.fileStateSizeThreshold = fileStateSizeThreshold;
  }

  /** The directory checkpoints are written under. */
  public URI getCheckpointDirectory() {
    return checkpointDirectory;
  }

  /** The size in bytes below which state is kept in the metadata, or -1 if the configuration decides. */
  public int getMinFileSizeThreshold() {
    return fileStateSizeThreshold;
  }

  /** The directory of savepoints triggered without a target, or null if this storage sets none. */
  public URI getSavepointDirectory() {
    return savepointDirectory;
  }

  @Override
  public void applyTo(Configuration configuration) {
    configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory.toString());
    if (savepointDirectory != null) {
      configuration.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepointDirectory.toString());
    }
    if (fileStateSizeThreshold >= 0) {
      configuration.set(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, MemorySize.ofBytes(fileStateSizeThreshold));
    }
  }

  /** Equal when both write to the same directories with the same threshold. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FileSystemCheckpointStorage other && o.getClass() == getClass()
        && checkpointDirectory.equals(other.checkpointDirectory)
        && Objects.equals(savepointDirectory, other.savepointDirectory)
        && fileStateSizeThreshold == other.fileStateSizeThreshold;
  }

  @Override
  public int hashCode() {
    return Objects.hash(checkpointDirectory, savepointDirectory, fileStateSizeThreshold);
  }

  @Override
  public String toString() {
    return "FileSystemCheckpointStorage(" + checkpointDirectory + ")";
  }
}
