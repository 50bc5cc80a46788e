package io.spate.state.rocksdb;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.state.RocksDBOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * RocksDB's native properties as metrics, on request ({@code state.backend.rocksdb.metrics.*}, all off
 * by default, as in Flink): for each column family (one per state), a group below the operator's group
 * named after it (or the variable {@code column_family}), holding a gauge per property asked for, named
 * as RocksDB names the property ({@code rocksdb.estimate-num-keys}). The gauges read the property when a
 * reporter asks, through the backend, which answers 0 once it is disposed.
 */
final class RocksDBNativeMetrics {

  /** Reads a long property of a state's column family. */
  @FunctionalInterface
  interface PropertyReader {
    /** The value of RocksDB property {@code property} of the column family of state {@code state}. */
    long read(String state, String property);
  }

  private static final List<ConfigOption<Boolean>> PROPERTIES = List.of(RocksDBOptions.MONITOR_ESTIMATE_NUM_KEYS,
      RocksDBOptions.MONITOR_ESTIMATE_LIVE_DATA_SIZE, RocksDBOptions.MONITOR_TOTAL_SST_FILES_SIZE,
      RocksDBOptions.MONITOR_CUR_SIZE_ALL_MEM_TABLE, RocksDBOptions.MONITOR_SIZE_ALL_MEM_TABLE,
      RocksDBOptions.BLOCK_CACHE_USAGE, RocksDBOptions.BLOCK_CACHE_CAPACITY, RocksDBOptions.BLOCK_CACHE_PINNED_USAGE,
      RocksDBOptions.MONITOR_NUM_RUNNING_COMPACTIONS, RocksDBOptions.MONITOR_NUM_RUNNING_FLUSHES,
      RocksDBOptions.ESTIMATE_PENDING_COMPACTION_BYTES, RocksDBOptions.MONITOR_NUM_IMMUTABLE_MEM_TABLES,
      RocksDBOptions.MONITOR_BACKGROUND_ERRORS);
  private static final String OPTION_PREFIX = "state.backend.rocksdb.metrics.";

  private final MetricGroup operatorGroup;
  private final List<String> properties;
  private final boolean columnFamilyAsVariable;
  private final PropertyReader reader;

  private RocksDBNativeMetrics(MetricGroup operatorGroup, List<String> properties, boolean columnFamilyAsVariable,
      PropertyReader reader) {
    this.operatorGroup = operatorGroup;
    this.properties = properties;
    this.columnFamilyAsVariable = columnFamilyAsVariable;
    this.reader = reader;
  }

  /** The metrics {@code conf} asks for, registered in {@code operatorGroup}; null if it asks for none. */
  static RocksDBNativeMetrics of(Configuration conf, MetricGroup operatorGroup, PropertyReader reader) {
    List<String> properties = new ArrayList<>();
    for (ConfigOption<Boolean> option : PROPERTIES) {
      if (conf.get(option)) {
        properties.add("rocksdb." + option.key().substring(OPTION_PREFIX.length()));
      }
    }
    return properties.isEmpty() ? null
        : new RocksDBNativeMetrics(operatorGroup, List.copyOf(properties), conf.get(RocksDBOptions.COLUMN_FAMILY_AS_VARIABLE),
            reader);
  }

  /** Registers the gauges of the column family of state {@code state}. */
  void register(String state) {
    MetricGroup group = columnFamilyAsVariable ? operatorGroup.addGroup("column_family", state)
        : operatorGroup.addGroup(state);
    for (String property : properties) {
      group.gauge(property, (Gauge<Long>) () -> reader.read(state, property));
    }
  }
}
