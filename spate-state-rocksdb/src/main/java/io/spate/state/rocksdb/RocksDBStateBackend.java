package io.spate.state.rocksdb;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.state.CheckpointStorage;
import io.spate.api.state.EmbeddedRocksDBStateBackend;
import io.spate.api.state.FileSystemCheckpointStorage;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.StateBackend;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * The name older programs use for keyed state in RocksDB with checkpoints written to a directory:
 * the {@link EmbeddedRocksDBStateBackend} with a {@link FileSystemCheckpointStorage}, which is what
 * setting it on an environment configures.
 *
 * @deprecated use {@link EmbeddedRocksDBStateBackend} and {@code
 *     getCheckpointConfig().setCheckpointStorage(directory)}
 */
@Deprecated
@PublicEvolving
public class RocksDBStateBackend implements StateBackend, CheckpointStorage {

  private static final long serialVersionUID = 1L;

  private final FileSystemCheckpointStorage storage;
  private final Boolean incrementalCheckpoints;
  private String dbStoragePath;
  private EmbeddedRocksDBStateBackend.PriorityQueueStateType priorityQueueStateType;

  // The public constructors declare the IOException that Flink's declare, so that programs that catch
  // it compile; a bad directory is an IllegalConfigurationException naming the option.

  /**
   * RocksDB state, checkpoints under {@code checkpointDataUri} (a local path or a URI such as {@code
   * file:///data/ckpt}), incremental or not as {@code state.backend.incremental} says.
   */
  public RocksDBStateBackend(String checkpointDataUri) throws IOException {
    this(new FileSystemCheckpointStorage(checkpointDataUri), null);
  }

  /** Like {@link #RocksDBStateBackend(String)}, with incremental checkpoints on or off for this job. */
  public RocksDBStateBackend(String checkpointDataUri, boolean enableIncrementalCheckpointing) throws IOException {
    this(new FileSystemCheckpointStorage(checkpointDataUri), enableIncrementalCheckpointing);
  }

  /** RocksDB state, checkpoints under the directory {@code checkpointDataUri}. */
  public RocksDBStateBackend(URI checkpointDataUri) throws IOException {
    this(new FileSystemCheckpointStorage(checkpointDataUri), null);
  }

  /** Like {@link #RocksDBStateBackend(URI)}, with incremental checkpoints on or off for this job. */
  public RocksDBStateBackend(URI checkpointDataUri, boolean enableIncrementalCheckpointing) throws IOException {
    this(new FileSystemCheckpointStorage(checkpointDataUri), enableIncrementalCheckpointing);
  }

  private RocksDBStateBackend(FileSystemCheckpointStorage storage, Boolean incrementalCheckpoints) {
    this.storage = storage;
    this.incrementalCheckpoints = incrementalCheckpoints;
  }

  /** The directory checkpoints are written under. */
  public URI getCheckpointDirectory() {
    return storage.getCheckpointDirectory();
  }

  /** Whether checkpoints are incremental: as set here, else as {@code state.backend.incremental} defaults. */
  public boolean isIncrementalCheckpointsEnabled() {
    return incrementalCheckpoints != null
        ? incrementalCheckpoints : StateBackendOptions.INCREMENTAL_CHECKPOINTS.defaultValue();
  }

  /** Keeps RocksDB's working files under {@code path} ({@code state.backend.rocksdb.localdir}). */
  public void setDbStoragePath(String path) {
    this.dbStoragePath = Objects.requireNonNull(path, RocksDBOptions.LOCAL_DIRECTORY.key());
  }

  /** Where the timers of keyed operators live, under the name older programs use. */
  public enum PriorityQueueStateType {
    /** On the heap. */
    HEAP,
    /** In RocksDB. */
    ROCKSDB
  }

  /** Keeps timers on the heap or in RocksDB ({@code state.backend.rocksdb.timer-service.factory}). */
  public void setPriorityQueueStateType(PriorityQueueStateType type) {
    Objects.requireNonNull(type, RocksDBOptions.TIMER_SERVICE_FACTORY.key());
    this.priorityQueueStateType = EmbeddedRocksDBStateBackend.PriorityQueueStateType.valueOf(type.name());
  }

  /** Where timers live: as set here, else the option's default. */
  public PriorityQueueStateType getPriorityQueueStateType() {
    return PriorityQueueStateType.valueOf((priorityQueueStateType != null
        ? priorityQueueStateType : RocksDBOptions.TIMER_SERVICE_FACTORY.defaultValue()).name());
  }

  @Override
  public String getName() {
    return EmbeddedRocksDBStateBackend.NAME;
  }

  @Override
  public void applyTo(Configuration configuration) {
    storage.applyTo(configuration);
    if (incrementalCheckpoints != null) {
      configuration.set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, incrementalCheckpoints);
    }
    if (dbStoragePath != null) {
      configuration.set(RocksDBOptions.LOCAL_DIRECTORY, dbStoragePath);
    }
    if (priorityQueueStateType != null) {
      configuration.set(RocksDBOptions.TIMER_SERVICE_FACTORY, priorityQueueStateType);
    }
  }

  @Override
  public String toString() {
    return "RocksDBStateBackend(" + storage.getCheckpointDirectory()
        + (incrementalCheckpoints == null ? "" : ", incremental=" + incrementalCheckpoints) + ")";
  }
}
