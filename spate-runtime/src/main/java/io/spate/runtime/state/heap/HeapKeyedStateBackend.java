package io.spate.runtime.state.heap;

import io.spate.api.state.KeyedStateFunction;
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
import io.spate.runtime.FileNames;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.KeyedTimerRegistry;
import io.spate.runtime.state.SnapshottableTimers;
import io.spate.runtime.state.serialization.LearnedTypeSerializer;
import io.spate.runtime.state.serialization.StateSerializers;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotReader;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.RawKeyedState;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
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
public final class HeapKeyedStateBackend<K> implements CheckpointableKeyedStateBackend<K> {

  private TypeInformation<K> keyType;
  private final int maxParallelism;
  private final KeyGroupRange keyGroupRange;
  private final Map<String, AbstractHeapState<K, ?, ?>> states = new LinkedHashMap<>();
  private final Map<String, StateDescriptor.Type> kinds = new LinkedHashMap<>();
  private final LongSupplier clock;
  private final String owner;
  private final Map<String, HeapStateSerializers> serializers = new HashMap<>();
  private final Map<String, RawKeyedState> restoredStates = new LinkedHashMap<>();
  private final KeyedTimerRegistry timers = new KeyedTimerRegistry();
  private final SnapshotVersions snapshotVersions = new SnapshotVersions();
  private TypeSerializer<K> keySerializer;
  private TypeSerializerSnapshot<K> restoredKeySerializer;
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
    this(new KeyedStateBackendParameters<>(keyType, maxParallelism, keyGroupRange,
        new io.spate.api.configuration.Configuration(), "heap keyed state backend", clock));
  }

  /** A backend as {@code parameters} describe, restored from their snapshots if there are any. */
  public HeapKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
    this.keyType = parameters.keyType();
    this.maxParallelism = parameters.maxParallelism();
    this.keyGroupRange = parameters.keyGroupRange();
    this.clock = Objects.requireNonNull(parameters.clock(), "The state TTL clock must not be null.");
    this.owner = parameters.owner();
    if (!parameters.restoreState().isEmpty()) {
      try {
        KeyedSnapshotReader.restore(parameters.restoreState(), keyGroupRange, parameters.userClassLoader(),
            new RestoreTarget());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not restore the keyed state of " + owner + ": " + e.getMessage(), e);
      }
    }
  }

  /** Collects the restored states as bytes, turned into objects when the code registers them. */
  private final class RestoreTarget implements KeyedSnapshotReader.RestoreTarget {
    @Override
    @SuppressWarnings("unchecked")
    public void restoreKeySerializer(TypeSerializerSnapshot<?> snapshot) throws IOException {
      if (restoredKeySerializer == null) {
        restoredKeySerializer = (TypeSerializerSnapshot<K>) snapshot;
        if (keyType != null) {
          TypeSerializerSchemaCompatibility<K> compatibility =
              restoredKeySerializer.resolveSchemaCompatibility(keyType.createSerializer());
          if (!compatibility.isCompatibleAsIs()) {
            throw new IllegalStateException("The keys of the restored state of " + owner + " cannot be read by the key"
                + " serializer of " + keyType + ": " + compatibility);
          }
        }
      }
    }

    @Override
    public KeyedSnapshotReader.EntryConsumer restoreState(KeyedStateMetaInfo metaInfo) throws IOException {
      if (metaInfo.kind().isTimers()) {
        return timers.restore(metaInfo);
      }
      RawKeyedState raw = restoredStates.computeIfAbsent(metaInfo.name(), n -> new RawKeyedState(metaInfo));
      if (raw.metaInfo().kind() != metaInfo.kind()) {
        throw new IOException("state '" + metaInfo.name() + "' is " + raw.metaInfo().kind() + " state in one snapshot"
            + " and " + metaInfo.kind() + " state in another");
      }
      return raw;
    }
  }

  LongSupplier clock() {
    return clock;
  }

  SnapshotVersions snapshotVersions() {
    return snapshotVersions;
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
  public int getCurrentKeyGroup() {
    if (currentKeyGroup < 0) {
      currentKeyGroup = keyGroupOf(currentKey);
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
    HeapStateSerializers stateSerializers = serializersFor(descriptor);
    RawKeyedState restored = restoredStates.get(name);
    if (restored != null) {
      stateSerializers = restore(state, stateSerializers, restored);
      restoredStates.remove(name);
    }
    serializers.put(name, stateSerializers);
    ((StateTable<?, ?, Object>) state.table).copyValuesWith(new HeapValueCopier(stateSerializers));
    states.put(name, state);
    kinds.put(name, descriptor.getType());
    if (state instanceof AbstractTtlHeapState<?, ?, ?> ttl && ttl.cleanupForEveryRecord) {
      cleanupForEveryRecord = Arrays.copyOf(cleanupForEveryRecord, cleanupForEveryRecord.length + 1);
      cleanupForEveryRecord[cleanupForEveryRecord.length - 1] = ttl;
    }
    return (S) state;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static HeapStateSerializers serializersFor(StateDescriptor<?, ?> descriptor) {
    String name = descriptor.getName();
    StateKind kind = StateKind.of(descriptor.getType());
    TypeSerializer value;
    TypeSerializer userKey = null;
    if (descriptor instanceof MapStateDescriptor map) {
      userKey = StateSerializers.forMapKeys(map);
      value = StateSerializers.forMapValues(map);
    } else {
      value = StateSerializers.forDescriptor(descriptor);
    }
    StateTtlConfig ttl = descriptor.getTtlConfig();
    return new HeapStateSerializers(name, kind, ttl.isEnabled(),
        ttl.isEnabled() && ttl.getCleanupStrategies().inFullSnapshot(), (TypeSerializer) StateSerializers.forNamespace(name),
        value, userKey);
  }

  /**
   * Checks that the restored state fits the registered one, loads its entries into {@code state}
   * with the serializers the snapshot was written with, and returns the serializers for later
   * snapshots.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private HeapStateSerializers restore(AbstractHeapState<K, ?, ?> state, HeapStateSerializers current, RawKeyedState raw) {
    KeyedStateMetaInfo meta = raw.metaInfo();
    String name = meta.name();
    if (meta.kind() != current.kind) {
      throw new IllegalStateException("State '" + name + "' of " + owner + " was restored as " + meta.kind()
          + " state and is now registered as " + current.kind + " state; use another name.");
    }
    if (meta.ttl() != current.ttl) {
      throw new IllegalStateException("State '" + name + "' of " + owner + " was restored "
          + (meta.ttl() ? "with" : "without") + " a time-to-live and is now registered " + (current.ttl ? "with" : "without")
          + " one; turning TTL on or off for existing state is not supported.");
    }
    TypeSerializer value = checked(name, "values", meta.valueSerializer(), current.value);
    TypeSerializer userKey = current.userKey == null ? null : checked(name, "map keys", meta.userKeySerializer(), current.userKey);
    TypeSerializer namespace = checked(name, "namespaces", meta.namespaceSerializer(), current.namespace);
    HeapStateSerializers restoredSerializers = new HeapStateSerializers(name, meta.kind(), meta.ttl(),
        current.ttlCleanupInSnapshot, (TypeSerializer) meta.namespaceSerializer().restoreSerializer(),
        (TypeSerializer) meta.valueSerializer().restoreSerializer(),
        meta.userKeySerializer() == null ? null : (TypeSerializer) meta.userKeySerializer().restoreSerializer());
    TypeSerializer<K> keys = restoredKeySerializer.restoreSerializer();
    StateTable table = state.table;
    TtlIncrementalCleanup cleanup = state instanceof AbstractTtlHeapState<?, ?, ?> ttl ? ttl.cleanup : null;
    DataInputDeserializer in = new DataInputDeserializer();
    for (Map.Entry<Integer, List<RawKeyedState.Entry>> group : raw.entriesByKeyGroup().entrySet()) {
      int keyGroup = group.getKey();
      for (RawKeyedState.Entry entry : group.getValue()) {
        try {
          in.setBuffer(entry.key());
          K key = keys.deserialize(in);
          Object ns = restoredSerializers.namespace.deserialize(in);
          Object stored;
          if (meta.kind() == StateKind.MAP) {
            Object mapKey = restoredSerializers.userKey.deserialize(in);
            HashMap<Object, Object> map = (HashMap<Object, Object>) table.get(keyGroup, key, ns);
            if (map == null) {
              map = new HashMap<>();
              table.put(keyGroup, key, ns, map);
              stored = map;
            } else {
              stored = null;
            }
            map.put(mapKey, HeapEntryCodec.readMapValue(restoredSerializers, entry.value()));
          } else {
            stored = HeapEntryCodec.readValue(restoredSerializers, entry.value());
            table.put(keyGroup, key, ns, stored);
          }
          if (cleanup != null && stored != null) {
            cleanup.track(keyGroup, key, ns);
          }
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("Could not restore state '" + name + "' of " + owner + " in key group "
              + keyGroup + ": " + e.getMessage(), e);
        }
      }
    }
    // Later snapshots write with today's serializers, except where those have not learned a type yet.
    return new HeapStateSerializers(name, current.kind, current.ttl, current.ttlCleanupInSnapshot,
        namespace, value, userKey);
  }

  /**
   * The serializer that later snapshots of state {@code name} write its {@code what} with: {@code
   * current} if it reads the restored bytes as they are or after migration (on the heap, restored
   * values are objects already), the restored one where {@code current} has not learned a type yet.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeSerializer checked(String name, String what, TypeSerializerSnapshot restored, TypeSerializer current) {
    TypeSerializerSchemaCompatibility<?> compatibility = restored.resolveSchemaCompatibility(current);
    if (compatibility.isIncompatible()) {
      throw new IllegalStateException("State '" + name + "' of " + owner + " cannot be restored: the serializer of its "
          + what + " is incompatible with the snapshot's: " + compatibility.message());
    }
    if (current instanceof LearnedTypeSerializer<?> learned && !learned.hasLearned()) {
      return restored.restoreSerializer();
    }
    return current;
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
  public void registerTimers(String name, SnapshottableTimers timerService) {
    timers.register(name, timerService, restoredKeySerializer != null ? restoredKeySerializer.restoreSerializer()
        : keySerializer());
  }

  @SuppressWarnings("unchecked")
  private TypeSerializer<K> keySerializer() {
    if (keySerializer == null) {
      if (keyType != null) {
        keySerializer = keyType.createSerializer();
      } else if (restoredKeySerializer != null) {
        keySerializer = restoredKeySerializer.restoreSerializer();
      }
    }
    return keySerializer;
  }

  @SuppressWarnings("unchecked")
  private int keyGroupOf(Object key) {
    if (keyType == null) {
      keyType = (TypeInformation<K>) TypeExtractor.getForObject(key);
    }
    return KeyGroupAssignment.keyGroupForHash(keyType.keyHash((K) key), maxParallelism);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public AsyncSnapshot<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streams) throws IOException {
    if (keySerializer() == null && currentKey != null) {
      getCurrentKeyGroup(); // derives the key type from the current key
    }
    TypeSerializer<K> keys = keySerializer();
    if (keys == null) {
      return AsyncSnapshot.empty(); // no key was ever seen or restored: there is no state
    }
    long now = clock.getAsLong();
    int version = snapshotVersions.start();
    try {
      List<KeyedSnapshotWriter.StateSource> sources = new ArrayList<>();
      for (Map.Entry<String, AbstractHeapState<K, ?, ?>> state : states.entrySet()) {
        sources.add(new HeapStateSnapshot(state.getValue(), serializers.get(state.getKey()), (TypeSerializer) keys,
            now));
      }
      sources.addAll(restoredStates.values());
      sources.addAll(timers.snapshot(this::keyGroupOf, keys));
      TypeSerializerSnapshot<K> keySnapshot = keys.snapshotConfiguration();
      String name = "keyed-" + FileNames.safe(owner) + "-" + checkpointId;
      return new HeapAsyncSnapshot(snapshotVersions, version,
          () -> KeyedSnapshotWriter.write(streams, name, keyGroupRange, keySnapshot, sources));
    } catch (RuntimeException | IOException e) {
      snapshotVersions.release(version);
      throw e;
    }
  }

  @Override
  public void forEachStateSize(BiConsumer<String, Long> consumer) {
    states.forEach((name, state) -> consumer.accept(name, state.table.size()));
  }
}
