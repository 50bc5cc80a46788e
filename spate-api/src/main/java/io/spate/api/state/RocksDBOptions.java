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

  // ---------------------------------------------------------------- native metrics (off by default, as in Flink)

  /** Whether each RocksDB state reports its native property {@code rocksdb.estimate-num-keys} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_ESTIMATE_NUM_KEYS =
      ConfigOption.key("state.backend.rocksdb.metrics.estimate-num-keys")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the estimated number of keys in each column family (state), as the gauge 'rocksdb.estimate-num-keys' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.estimate-live-data-size} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_ESTIMATE_LIVE_DATA_SIZE =
      ConfigOption.key("state.backend.rocksdb.metrics.estimate-live-data-size")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the estimated bytes of live data in each column family, as the gauge 'rocksdb.estimate-live-data-size' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.total-sst-files-size} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_TOTAL_SST_FILES_SIZE =
      ConfigOption.key("state.backend.rocksdb.metrics.total-sst-files-size")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the bytes of all SST files of each column family (every version), as the gauge 'rocksdb.total-sst-files-size' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.cur-size-all-mem-tables} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_CUR_SIZE_ALL_MEM_TABLE =
      ConfigOption.key("state.backend.rocksdb.metrics.cur-size-all-mem-tables")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the bytes of the active and unflushed immutable memtables of each column family, as the gauge 'rocksdb.cur-size-all-mem-tables' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.size-all-mem-tables} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_SIZE_ALL_MEM_TABLE =
      ConfigOption.key("state.backend.rocksdb.metrics.size-all-mem-tables")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the bytes of the active, unflushed and pinned immutable memtables of each column family, as the gauge 'rocksdb.size-all-mem-tables' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.block-cache-usage} as a metric. */
  public static final ConfigOption<Boolean> BLOCK_CACHE_USAGE =
      ConfigOption.key("state.backend.rocksdb.metrics.block-cache-usage")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the bytes of the block cache in use (the cache is shared by the instances of the process), as the gauge 'rocksdb.block-cache-usage' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.block-cache-capacity} as a metric. */
  public static final ConfigOption<Boolean> BLOCK_CACHE_CAPACITY =
      ConfigOption.key("state.backend.rocksdb.metrics.block-cache-capacity")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the capacity of the block cache in bytes, as the gauge 'rocksdb.block-cache-capacity' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.block-cache-pinned-usage} as a metric. */
  public static final ConfigOption<Boolean> BLOCK_CACHE_PINNED_USAGE =
      ConfigOption.key("state.backend.rocksdb.metrics.block-cache-pinned-usage")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the bytes of pinned entries in the block cache, as the gauge 'rocksdb.block-cache-pinned-usage' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.num-running-compactions} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_NUM_RUNNING_COMPACTIONS =
      ConfigOption.key("state.backend.rocksdb.metrics.num-running-compactions")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the number of compactions running, as the gauge 'rocksdb.num-running-compactions' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.num-running-flushes} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_NUM_RUNNING_FLUSHES =
      ConfigOption.key("state.backend.rocksdb.metrics.num-running-flushes")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the number of flushes running, as the gauge 'rocksdb.num-running-flushes' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.estimate-pending-compaction-bytes} as a metric. */
  public static final ConfigOption<Boolean> ESTIMATE_PENDING_COMPACTION_BYTES =
      ConfigOption.key("state.backend.rocksdb.metrics.estimate-pending-compaction-bytes")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the estimated bytes compaction must rewrite to bring every level under its target size, as the gauge 'rocksdb.estimate-pending-compaction-bytes' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.num-immutable-mem-table} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_NUM_IMMUTABLE_MEM_TABLES =
      ConfigOption.key("state.backend.rocksdb.metrics.num-immutable-mem-table")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the number of immutable memtables not yet flushed, as the gauge 'rocksdb.num-immutable-mem-table' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether each RocksDB state reports its native property {@code rocksdb.background-errors} as a metric. */
  public static final ConfigOption<Boolean> MONITOR_BACKGROUND_ERRORS =
      ConfigOption.key("state.backend.rocksdb.metrics.background-errors")
          .booleanType()
          .defaultValue(false)
          .withDescription("Reports the number of background errors, as the gauge 'rocksdb.background-errors' in a group per column family"
              + " below the operator's metric group. Reading native properties costs some CPU time: off by default.");

  /** Whether the column family is a metric variable rather than a part of the native metrics' scope. */
  public static final ConfigOption<Boolean> COLUMN_FAMILY_AS_VARIABLE =
      ConfigOption.key("state.backend.rocksdb.metrics.column-family-as-variable")
          .booleanType()
          .defaultValue(false)
          .withDescription("Puts the column family (the state's name) of RocksDB's native metrics into the variable"
              + " 'column_family' (a label for Prometheus) instead of a part of the metrics' scope.");
}
