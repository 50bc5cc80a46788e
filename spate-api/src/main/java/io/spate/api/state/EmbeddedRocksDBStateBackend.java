package io.spate.api.state;

/**
 * Keyed state serialized in an embedded RocksDB on local disk: for state larger than memory. Needs
 * the {@code spate-state-rocksdb} module on the class path; values read back are copies.
 */
public final class EmbeddedRocksDBStateBackend implements StateBackend {

  private static final long serialVersionUID = 1L;

  /** The name of this backend in {@code state.backend.type}. */
  public static final String NAME = "rocksdb";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String toString() {
    return "EmbeddedRocksDBStateBackend";
  }
}
