package io.spate.runtime.state.heap;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.KeyGroupAssignment;
import io.spate.runtime.state.KeyGroupRange;
import io.spate.runtime.state.KeyedStateBackend;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Keyed state in Java objects on the heap (Flink's {@code HashMapStateBackend}): the default, and
 * the fastest while state fits in memory.
 *
 * @param <K> the key type
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

  private TypeInformation<K> keyType;
  private final int maxParallelism;
  private final KeyGroupRange keyGroupRange;
  private final Map<String, AbstractHeapState<K, ?, ?>> states = new LinkedHashMap<>();
  private final Map<String, StateDescriptor.Type> kinds = new LinkedHashMap<>();
  private final LongSupplier clock;
  private AbstractTtlHeapState<?, ?, ?>[] cleanupForEveryRecord = new AbstractTtlHeapState<?, ?, ?>[0];
  private K currentKey;
  private int currentKeyGroup = -1;

  /**
   * A backend for keys of {@code keyType} in {@code keyGroupRange} of {@code maxParallelism} groups;
   * a null {@code keyType} (in operator tests) is derived from the first key.
   */
  public HeapKeyedStateBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange) {
    this(keyType, maxParallelism, keyGroupRange, System::currentTimeMillis);
  }

  /**
   * A backend as above whose state time-to-live is measured on {@code clock} (milliseconds of
   * processing time): the task's processing-time service, or a manual clock in tests.
   */
  public HeapKeyedStateBackend(
      TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange, LongSupplier clock) {
    this.keyType = keyType;
    this.maxParallelism = maxParallelism;
    this.keyGroupRange = keyGroupRange;
    this.clock = Objects.requireNonNull(clock, "The state TTL clock must not be null.");
  }

  LongSupplier clock() {
    return clock;
  }

  @Override
  public void setCurrentKey(K key) {
    // Operators set the key once per record, which makes this the per-record cleanup hook.
    for (AbstractTtlHeapState<?, ?, ?> state : cleanupForEveryRecord) {
      state.cleanupForRecord();
    }
    if (key != currentKey) {
      currentKey = key;
      currentKeyGroup = -1; // computed on first state access: many keyed records never touch state
    }
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  @SuppressWarnings("unchecked")
  public int getCurrentKeyGroup() {
    if (currentKeyGroup < 0) {
      if (keyType == null) {
        keyType = (TypeInformation<K>) TypeExtractor.getForObject(currentKey);
      }
      currentKeyGroup = KeyGroupAssignment.keyGroupForHash(keyType.keyHash(currentKey), maxParallelism);
    }
    return currentKeyGroup;
  }

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <S extends State> S getOrCreateState(StateDescriptor<S, ?> descriptor) {
    String name = descriptor.getName();
    AbstractHeapState<K, ?, ?> state = states.get(name);
    if (state != null) {
      if (kinds.get(name) != descriptor.getType()) {
        throw new IllegalStateException("State '" + name + "' was registered as " + kinds.get(name)
            + " state and is now asked for as " + descriptor.getType() + " state; use another name.");
      }
      StateTtlConfig registered = state instanceof AbstractTtlHeapState<?, ?, ?> ttl ? ttl.ttlConfig : StateTtlConfig.DISABLED;
      if (registered != descriptor.getTtlConfig() && !registered.equals(descriptor.getTtlConfig())) {
        throw new IllegalStateException("State '" + name + "' was registered with TTL " + describe(registered)
            + " and is now asked for with TTL " + describe(descriptor.getTtlConfig()) + "; use another name.");
      }
      return (S) state;
    }
    state = descriptor.getTtlConfig().isEnabled() ? createTtlState(descriptor) : switch (descriptor.getType()) {
      case VALUE -> new HeapValueState<>((ValueStateDescriptor) descriptor, this);
      case LIST -> new HeapListState<>(name, this);
      case REDUCING -> new HeapReducingState<>(name, ((ReducingStateDescriptor) descriptor).getReduceFunction(), this);
      case AGGREGATING -> new HeapAggregatingState<>(name,
          (AggregateFunction) ((AggregatingStateDescriptor) descriptor).getAggregateFunction(), this);
      case MAP -> new HeapMapState<>(name, this);
    };
    states.put(name, state);
    kinds.put(name, descriptor.getType());
    if (state instanceof AbstractTtlHeapState<?, ?, ?> ttl && ttl.cleanupForEveryRecord) {
      cleanupForEveryRecord = Arrays.copyOf(cleanupForEveryRecord, cleanupForEveryRecord.length + 1);
      cleanupForEveryRecord[cleanupForEveryRecord.length - 1] = ttl;
    }
    return (S) state;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private AbstractHeapState<K, ?, ?> createTtlState(StateDescriptor<?, ?> descriptor) {
    return switch (descriptor.getType()) {
      case VALUE -> new TtlHeapValueState<>((ValueStateDescriptor) descriptor, this);
      case LIST -> new TtlHeapListState<>((ListStateDescriptor) descriptor, this);
      case REDUCING -> new TtlHeapReducingState<>((ReducingStateDescriptor) descriptor, this);
      case AGGREGATING -> new TtlHeapAggregatingState<>(descriptor.getName(), descriptor.getTtlConfig(),
          (AggregateFunction) ((AggregatingStateDescriptor) descriptor).getAggregateFunction(), this);
      case MAP -> new TtlHeapMapState<>((MapStateDescriptor) descriptor, this);
    };
  }

  private static String describe(StateTtlConfig config) {
    return config.isEnabled() ? config.toString() : "disabled";
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N> Stream<K> getKeys(String stateName, N namespace) {
    AbstractHeapState<K, N, ?> state = (AbstractHeapState<K, N, ?>) states.get(stateName);
    return state == null ? Stream.empty() : state.table.keys(namespace);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, S extends State> void applyToAllKeys(
      N namespace, StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function) throws Exception {
    S state = getPartitionedState(namespace, descriptor);
    K previous = currentKey;
    try {
      List<K> keys = getKeys(descriptor.getName(), namespace).toList();
      for (K key : keys) {
        setCurrentKey(key);
        ((AbstractHeapState<K, N, ?>) state).setCurrentNamespace(namespace);
        function.process(key, state);
      }
    } finally {
      setCurrentKey(previous);
    }
  }

  @Override
  public void forEachStateSize(BiConsumer<String, Long> consumer) {
    states.forEach((name, state) -> consumer.accept(name, state.table.size()));
  }
}
