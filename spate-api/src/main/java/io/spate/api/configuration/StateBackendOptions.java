package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.RocksDBOptions;

/**
 * Options that choose the keyed state backend and apply to every backend; the RocksDB backend's own
 * options are in {@link io.spate.api.state.RocksDBOptions}.
 */
@PublicEvolving
public final class StateBackendOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public StateBackendOptions() {}

  /** The name of the keyed state backend. */
  public static final ConfigOption<String> STATE_BACKEND =
      ConfigOption.key("state.backend.type")
          .stringType()
          .defaultValue("hashmap")
          .withDescription("Where keyed state lives: 'hashmap' (Java objects on the heap) or 'rocksdb' (serialized, in"
              + " an embedded RocksDB on local disk; needs the spate-state-rocksdb module on the class path).");

  /** Whether checkpoints of backends that can do so upload only what changed since the last one. */
  public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS =
      ConfigOption.key("state.backend.incremental")
          .booleanType()
          .defaultValue(false)
          .withDescription("Checkpoints upload only the files that changed since the previous checkpoint, where"
              + " the backend supports it (rocksdb); hashmap always takes full snapshots.");
}
