package io.spate.api.state;

/**
 * Keyed state serialized in an embedded RocksDB on local disk: for state larger than memory. Needs
 * the {@code spate-state-rocksdb} module on the class path; values read back are copies.
 */
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
