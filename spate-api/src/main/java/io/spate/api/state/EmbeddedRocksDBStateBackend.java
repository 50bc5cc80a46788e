package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import java.util.Objects;

/**
 * Keyed state serialized in an embedded RocksDB on local disk: for state larger than memory. Needs
 * the {@code spate-state-rocksdb} module on the class path; values read back are copies.
 */
@PublicEvolving
public final class EmbeddedRocksDBStateBackend implements StateBackend {

  private static final long serialVersionUID = 1L;

  /** The name of this backend in {@code state.backend.type}. */
  public static final String NAME = "rocksdb";

  private final Boolean incrementalCheckpoints;

  /** The backend, with incremental checkpoints as {@code state.backend.incremental} says. */
  public EmbeddedRocksDBStateBackend() {
    this.incrementalCheckpoints = null;
  }

  /**
   * The backend with incremental checkpoints on or off for this job, whatever {@code
   * state.backend.incremental} says: incremental checkpoints upload only the SST files that are new
   * since the last completed checkpoint and reference the others.
   */
  public EmbeddedRocksDBStateBackend(boolean enableIncrementalCheckpointing) {
    this.incrementalCheckpoints = enableIncrementalCheckpointing;
  }

  /** Whether this backend sets incremental checkpoints: true or false, or null to leave it to the configuration. */
  public Boolean isIncrementalCheckpointsEnabled() {
    return incrementalCheckpoints;
  }

  /** Where the timers of keyed operators live ({@code state.backend.rocksdb.timer-service.factory}). */
  public enum PriorityQueueStateType {
    /** On the heap, as with the hashmap backend. */
    HEAP,
    /** In RocksDB, with the earliest timers of each key group cached on the heap. */
    ROCKSDB
  }

  private PriorityQueueStateType priorityQueueStateType;

  /**
   * Keeps timers on the heap or in RocksDB; the same as setting {@code
   * state.backend.rocksdb.timer-service.factory}.
   */
  public void setPriorityQueueStateType(PriorityQueueStateType type) {
    this.priorityQueueStateType = Objects.requireNonNull(type, "The priority queue state type must not be null.");
  }

  /** Where timers live: as set, else the option's default. */
  public PriorityQueueStateType getPriorityQueueStateType() {
    return priorityQueueStateType != null
        ? priorityQueueStateType : RocksDBOptions.TIMER_SERVICE_FACTORY.defaultValue();
  }

  @Override
  public void applyTo(Configuration configuration) {
    if (priorityQueueStateType != null) {
      configuration.set(RocksDBOptions.TIMER_SERVICE_FACTORY, priorityQueueStateType);
    }
    if (incrementalCheckpoints != null) {
      configuration.set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, incrementalCheckpoints);
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String toString() {
    return incrementalCheckpoints == null ? "EmbeddedRocksDBStateBackend"
        : "EmbeddedRocksDBStateBackend(incremental=" + incrementalCheckpoints + ")";
  }
}
