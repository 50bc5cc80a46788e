package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;

/**
 * Options of the RocksDB keyed state backend ({@link EmbeddedRocksDBStateBackend}); the options every
 * backend shares are in {@link io.spate.api.configuration.StateBackendOptions}.
 */
@PublicEvolving
public final class RocksDBOptions {

  private RocksDBOptions() {}

  /** The memory that all RocksDB instances of one TaskExecutor share. */
  public static final ConfigOption<String> MANAGED_MEMORY_SIZE =
      ConfigOption.key("state.backend.rocksdb.memory.managed-size")
          .stringType()
          .defaultValue("256mb")
          .withDescription("Memory (block cache and write buffers) shared by all RocksDB state of one process, as"
              + " bytes or with a unit: 64mb, 1gb. Write buffers may take up to half of it.");

  /** The directory under which RocksDB keeps its working files. */
  public static final ConfigOption<String> LOCAL_DIRECTORY =
      ConfigOption.key("state.backend.rocksdb.localdir")
          .stringType()
          .noDefaultValue()
          .withDescription("Directory for RocksDB's working files, one subdirectory per operator instance, deleted"
              + " when the operator closes; by default a 'spate-rocksdb' directory under java.io.tmpdir.");

  /** Where the RocksDB backend keeps the timers of keyed operators. */
  public static final ConfigOption<PriorityQueueStateType> TIMER_SERVICE_FACTORY =
      ConfigOption.key("state.backend.rocksdb.timer-service.factory")
          .enumType(PriorityQueueStateType.class)
          .defaultValue(PriorityQueueStateType.ROCKSDB)
          .withDescription("Where the rocksdb backend keeps timers: 'rocksdb' (in RocksDB, with a small cache of the"
              + " earliest per key group on the heap, so timers can outgrow memory) or 'heap' (on the heap, faster"
              + " while they fit); either way they are in the same checkpoint format. The hashmap backend always"
              + " keeps timers on the heap.");

  /** How many values of each RocksDB aggregating or reducing state are kept as objects between snapshots. */
  public static final ConfigOption<Integer> WRITE_BACK_CACHE_ENTRIES =
      ConfigOption.key("state.backend.rocksdb.write-back-cache.entries")
          .intType()
          .defaultValue(4096)
          .withDescription("The most recently used values of each aggregating or reducing state (window contents"
              + " with an aggregate or reduce function, among others) that the rocksdb backend keeps per operator"
              + " instance as Java objects, with a key's changes written to RocksDB only when its value leaves this"
              + " cache or before a snapshot: a record then updates an accumulator in memory instead of reading,"
              + " deserializing, serializing and writing it. Memory is this many accumulators per state. 0 reads and"
              + " writes RocksDB on every access, as Flink's RocksDB backend does. States with a time to live are"
              + " never cached.");

  /** Whether the RocksDB backend opens its database as a TtlDB, so that compaction drops expired TTL state. */
  public static final ConfigOption<Boolean> TTL_COMPACTION_FILTER =
      ConfigOption.key("state.backend.rocksdb.ttl.compaction-filter.enabled")
          .booleanType()
          .defaultValue(false)
          .withDescription("Opens each RocksDB state database as a RocksDB TtlDB, whose compaction drops the values of"
              + " TTL states with cleanupInRocksdbCompactFilter (on unless disableCleanupInBackground) once their time"
              + " to live, rounded up to whole seconds, has passed since their last write on the system clock. Off by"
              + " default: every value then carries a 4-byte write time, which costs states without TTL too (about 9%"
              + " of the CPU time of a value-state update). When off, expired RocksDB values are removed when read"
              + " and left out of full snapshots that clean up.");
}
