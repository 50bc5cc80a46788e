package io.spate.state.rocksdb;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.runtime.state.serialization.StateSerializers;
import org.rocksdb.ColumnFamilyHandle;

/** Creates the RocksDB states of descriptors with a time to live. */
final class RocksDBTtlStates {

  private RocksDBTtlStates() {}

  static boolean hasTtl(StateDescriptor<?, ?> descriptor) {
    return descriptor.getTtlConfig() != null && descriptor.getTtlConfig().isEnabled();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K> AbstractRocksDBState<K, ?, ?> create(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column,
      StateDescriptor<?, ?> descriptor) {
    String name = descriptor.getName();
    StateTtlConfig ttl = descriptor.getTtlConfig();
    return switch (descriptor.getType()) {
      case VALUE -> new RocksDBTtlValueState<>(backend, column, (ValueStateDescriptor) descriptor);
      case LIST -> new RocksDBTtlListState<>(backend, column, name, StateSerializers.forDescriptor(descriptor), ttl);
      case REDUCING -> new RocksDBTtlReducingState<>(backend, column, name, StateSerializers.forDescriptor(descriptor),
          ((ReducingStateDescriptor) descriptor).getReduceFunction(), ttl);
      case AGGREGATING -> new RocksDBTtlAggregatingState<>(backend, column, name,
          StateSerializers.forDescriptor(descriptor),
          (AggregateFunction) ((AggregatingStateDescriptor) descriptor).getAggregateFunction(), ttl);
      case MAP -> {
        MapStateDescriptor map = (MapStateDescriptor) descriptor;
        yield new RocksDBTtlMapState<>(backend, column, name,
            StateSerializers.forMapKeys(map),
            StateSerializers.forMapValues(map), ttl);
      }
    };
  }

  /** Fails, as the heap backend does, when state {@code name} is asked for again with another time to live. */
  static void checkSameTtl(String name, StateTtlConfig registered, StateTtlConfig asked) {
    StateTtlConfig askedOrDisabled = asked == null ? StateTtlConfig.DISABLED : asked;
    if (!registered.equals(askedOrDisabled)) {
      throw new IllegalStateException("State '" + name + "' was registered with TTL " + describe(registered)
          + " and is now asked for with TTL " + describe(askedOrDisabled) + "; use another name.");
    }
  }

  private static String describe(StateTtlConfig config) {
    return config.isEnabled() ? config.toString() : "disabled";
  }
}
