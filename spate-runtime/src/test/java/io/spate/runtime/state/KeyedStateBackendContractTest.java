package io.spate.runtime.state;

import io.spate.runtime.timers.Timer;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.operators.state.InternalMergingState;
import io.spate.api.operators.state.VoidNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.typeinfo.TypeInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.IntSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.runtime.tasks.TaskProcessingTimeService;
import java.io.IOException;
import java.util.TreeMap;

/**
 * The contract of keyed state that every backend must meet; a backend's test extends this class and
 * says how to create the backend.
 */
public abstract class KeyedStateBackendContractTest {

  private final List<CheckpointableKeyedStateBackend<?>> created = new ArrayList<>();
  private CheckpointableKeyedStateBackend<String> backend;

  /** A new, empty backend of the kind under test. */
  protected abstract <K> CheckpointableKeyedStateBackend<K> createBackend(
      TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange) throws Exception;

  /** A new backend of the kind under test, restored from {@code handles}. */
  protected abstract <K> CheckpointableKeyedStateBackend<K> restoreBackend(TypeInformation<K> keyType, int maxParallelism,
      KeyGroupRange keyGroupRange, List<KeyedStateHandle> handles) throws Exception;

  /** Whether the backend supports state with a time-to-live. */
  protected boolean supportsTtl() {
    return true;
  }

  /** Whether values read back are copies (serializing backends) rather than the stored objects. */
  protected abstract boolean readsReturnCopies();

  private <K> CheckpointableKeyedStateBackend<K> newBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range)
      throws Exception {
    CheckpointableKeyedStateBackend<K> b = createBackend(keyType, maxParallelism, range);
    created.add(b);
    return b;
  }

  @BeforeEach
  void createDefaultBackend() throws Exception {
    backend = newBackend(Types.STRING, 128, new KeyGroupRange(0, 127));
  }

  @AfterEach
  void disposeBackends() {
    created.forEach(CheckpointableKeyedStateBackend::dispose);
    created.clear();
  }

  /** Averages ints; the accumulator is {sum, count}. */
  static final class Average implements AggregateFunction<Integer, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Integer value, long[] acc) {
      acc[0] += value;
      acc[1]++;
      return acc;
    }

    @Override
    public Double getResult(long[] acc) {
      return (double) acc[0] / acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  @Test
  void valueStateIsPerKeyAndFallsBackToACopyOfTheDefault() throws Exception {
    ValueState<List<String>> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ValueStateDescriptor<>("v", Types.LIST(Types.STRING), new ArrayList<>(List.of("d"))));
    backend.setCurrentKey("a");
    assertThat(state.value()).containsExactly("d");
    state.value().add("changed"); // a copy: must not change the default seen by other keys
    state.update(List.of("x"));
    backend.setCurrentKey("b");
    assertThat(state.value()).containsExactly("d");
    backend.setCurrentKey("a");
    assertThat(state.value()).containsExactly("x");
    state.update(null);
    assertThat(state.value()).containsExactly("d");
  }

  @Test
  void listStateAppendsReplacesAndRejectsNulls() throws Exception {
    ListState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ListStateDescriptor<>("l", Integer.class));
    backend.setCurrentKey("k");
    assertThat(state.get()).isEmpty();
    state.add(1);
    state.addAll(List.of(2, 3));
    assertThat(state.get()).containsExactly(1, 2, 3);
    state.update(List.of(9));
    assertThat(state.get()).containsExactly(9);
    assertThatThrownBy(() -> state.add(null)).hasMessageContaining("'l'").hasMessageContaining("null");
    state.update(List.of());
    assertThat(state.get()).isEmpty();
    assertThat(backend.getKeys("l", VoidNamespace.INSTANCE)).isEmpty();
  }

  @Test
  void reducingAndAggregatingStateCombineAddedValues() throws Exception {
    ReducingState<Integer> sum = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class));
    AggregatingState<Integer, Double> avg = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new AggregatingStateDescriptor<>("avg", new Average(), long[].class));
    backend.setCurrentKey("k");
    assertThat(sum.get()).isNull();
    assertThat(avg.get()).isNull();
    for (int i = 1; i <= 4; i++) {
      sum.add(i);
      avg.add(i);
    }
    assertThat(sum.get()).isEqualTo(10);
    assertThat(avg.get()).isEqualTo(2.5);
    backend.setCurrentKey("other");
    assertThat(sum.get()).isNull();
  }

  @Test
  void mapStateSupportsTheMapOperationsAndRemovalThroughIterators() throws Exception {
    MapState<String, Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new MapStateDescriptor<>("m", String.class, Integer.class));
    backend.setCurrentKey("k");
    assertThat(state.isEmpty()).isTrue();
    state.put("a", 1);
    state.putAll(Map.of("b", 2, "c", 3));
    assertThat(state.get("b")).isEqualTo(2);
    assertThat(state.contains("c")).isTrue();
    state.remove("c");
    assertThat(state.contains("c")).isFalse();
    var it = state.iterator();
    while (it.hasNext()) {
      if (it.next().getKey().equals("a")) {
        it.remove();
      }
    }
    Map<String, Integer> left = new HashMap<>();
    state.entries().forEach(e -> left.put(e.getKey(), e.getValue()));
    assertThat(left).isEqualTo(Map.of("b", 2));
    assertThat(state.keys()).containsExactly("b");
    assertThat(state.values()).containsExactly(2);
    state.remove("b");
    assertThat(state.isEmpty()).isTrue();
  }

  @Test
  void namespacesAreIsolatedAndMergeIntoATarget() throws Exception {
    ListStateDescriptor<Integer> listDescriptor = new ListStateDescriptor<>("l", Integer.class);
    ReducingStateDescriptor<Integer> sumDescriptor = new ReducingStateDescriptor<>("s", Integer::sum, Integer.class);
    AggregatingStateDescriptor<Integer, long[], Double> avgDescriptor =
        new AggregatingStateDescriptor<>("a", new Average(), long[].class);
    backend.setCurrentKey("k");
    for (String ns : List.of("w1", "w2", "w3")) {
      int v = Integer.parseInt(ns.substring(1));
      ListState<Integer> list = backend.getPartitionedState(ns, listDescriptor);
      list.add(v);
      list.add(v * 10);
      backend.getPartitionedState(ns, sumDescriptor).add(v);
      backend.getPartitionedState(ns, avgDescriptor).add(v);
    }
    assertThat(backend.getPartitionedState("w2", listDescriptor).get()).containsExactly(2, 20);

    for (var descriptor : List.of(listDescriptor, sumDescriptor, avgDescriptor)) {
      @SuppressWarnings("unchecked")
      InternalMergingState<String> merging = (InternalMergingState<String>) backend.getOrCreateState(descriptor);
      merging.mergeNamespaces("w1", List.of("w2", "w3"));
    }
    assertThat(backend.getPartitionedState("w1", listDescriptor).get()).containsExactlyInAnyOrder(1, 10, 2, 20, 3, 30);
    assertThat(backend.getPartitionedState("w1", sumDescriptor).get()).isEqualTo(6);
    assertThat(backend.getPartitionedState("w1", avgDescriptor).get()).isEqualTo(2.0);
    assertThat(backend.getPartitionedState("w2", listDescriptor).get()).isEmpty();
    assertThat(backend.getPartitionedState("w3", sumDescriptor).get()).isNull();
  }

  @Test
  void applyToAllKeysVisitsEachKeyOfANamespaceAndMayClear() throws Exception {
    ValueStateDescriptor<Integer> descriptor = new ValueStateDescriptor<>("v", Integer.class);
    for (int i = 0; i < 50; i++) {
      backend.setCurrentKey("k" + i);
      backend.getPartitionedState(VoidNamespace.INSTANCE, descriptor).update(i);
    }
    backend.setCurrentKey("current");
    Map<String, Integer> seen = new HashMap<>();
    backend.applyToAllKeys(VoidNamespace.INSTANCE, descriptor, (key, state) -> {
      seen.put(key, state.value());
      if (state.value() % 2 == 0) {
        state.clear();
      }
    });
    assertThat(seen).hasSize(50).containsEntry("k7", 7);
    assertThat(backend.getCurrentKey()).isEqualTo("current");
    assertThat(backend.getKeys("v", VoidNamespace.INSTANCE)).hasSize(25).allMatch(k -> Integer.parseInt(k.substring(1)) % 2 == 1);
  }

  @Test
  void misuseGetsAnErrorNamingTheState() {
    backend.getOrCreateState(new ValueStateDescriptor<>("x", Integer.class));
    assertThatThrownBy(() -> backend.getOrCreateState(new ListStateDescriptor<>("x", Integer.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'x'").hasMessageContaining("VALUE");
    ValueState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("y", Integer.class));
    assertThatThrownBy(state::value).hasMessageContaining("'y'").hasMessageContaining("no current key");
    assertThatThrownBy(() -> new ValueStateDescriptor<>(" ", Integer.class)).hasMessageContaining("blank");
  }

  @Test
  void aKeyOutsideTheOwnedKeyGroupsIsRejected() throws Exception {
    CheckpointableKeyedStateBackend<String> half = newBackend(Types.STRING, 128, new KeyGroupRange(0, 63));
    ValueState<Integer> state = half.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("v", Integer.class));
    String outside = null;
    for (int i = 0; outside == null; i++) {
      String key = "key" + i;
      if (KeyGroupAssignment.keyGroupForHash(Types.STRING.keyHash(key), 128) >= 64) {
        outside = key;
      }
    }
    half.setCurrentKey(outside);
    assertThatThrownBy(() -> state.update(1)).hasMessageContaining("not in this subtask's key groups 0..63");
  }

  @Test
  void mapStateNamespacesAndKeysAreIsolatedAndIterationCoversManyEntries() throws Exception {
    MapStateDescriptor<Integer, String> descriptor = new MapStateDescriptor<>("big", Integer.class, String.class);
    for (String key : List.of("a", "b")) {
      backend.setCurrentKey(key);
      for (String ns : List.of("n1", "n2")) {
        MapState<Integer, String> map = backend.getPartitionedState(ns, descriptor);
        for (int i = 0; i < 700; i++) {
          map.put(i, key + ns + i);
        }
      }
    }
    backend.setCurrentKey("b");
    MapState<Integer, String> map = backend.getPartitionedState("n2", descriptor);
    Map<Integer, String> seen = new HashMap<>();
    map.entries().forEach(e -> seen.put(e.getKey(), e.getValue()));
    assertThat(seen).hasSize(700).containsEntry(699, "bn2699");
    map.put(5, null);
    assertThat(map.contains(5)).isTrue();
    assertThat(map.get(5)).isNull();
    map.clear();
    assertThat(map.isEmpty()).isTrue();
    assertThat(backend.getKeys("big", "n2")).containsExactly("a");
    assertThat(backend.getKeys("big", "n1")).containsExactlyInAnyOrder("a", "b");
    Map<String, Long> sizes = new HashMap<>();
    backend.forEachStateSize(sizes::put);
    assertThat(sizes).containsEntry("big", 3L);
  }

  @Test
  void valuesReadBackAreCopiesExactlyWhenTheBackendSerializes() throws Exception {
    ValueState<List<String>> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ValueStateDescriptor<>("copies", Types.LIST(Types.STRING)));
    backend.setCurrentKey("k");
    state.update(new ArrayList<>(List.of("a")));
    state.value().add("changed in place");
    if (readsReturnCopies()) {
      assertThat(state.value()).containsExactly("a");
    } else {
      assertThat(state.value()).containsExactly("a", "changed in place");
    }
  }

  /** What dispose releases is backend-specific (see the RocksDB test); every backend may be disposed twice. */
  @Test
  void disposeMayBeRepeated() throws Exception {
    CheckpointableKeyedStateBackend<Integer> b = newBackend(Types.INT, 16, new KeyGroupRange(0, 15));
    ValueState<Integer> state = b.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("v", Integer.class));
    b.setCurrentKey(1);
    state.update(1);
    b.dispose();
    b.dispose();
  }

  // ---- snapshots and restore ----

  private static final ValueStateDescriptor<Integer> VALUE = new ValueStateDescriptor<>("value", Integer.class);
  private static final List<Object> NAMESPACES = List.of(VoidNamespace.INSTANCE, new TimeWindow(0, 10));

  /** The states of the snapshot tests; one set per namespace type, as a state has one namespace type. */
  private record States(ValueState<Integer> value, ListState<String> list, MapState<Integer, String> map,
      ReducingState<Integer> sum, AggregatingState<Integer, Double> avg) {}

  private static States states(CheckpointableKeyedStateBackend<String> b, Object ns) {
    String suffix = ns instanceof VoidNamespace ? "" : "-windowed";
    return new States(
        b.getPartitionedState(ns, new ValueStateDescriptor<>("value" + suffix, Integer.class)),
        b.getPartitionedState(ns, new ListStateDescriptor<>("list" + suffix, String.class)),
        b.getPartitionedState(ns, new MapStateDescriptor<>("map" + suffix, Integer.class, String.class)),
        b.getPartitionedState(ns, new ReducingStateDescriptor<>("sum" + suffix, Integer::sum, Integer.class)),
        b.getPartitionedState(ns, new AggregatingStateDescriptor<>("avg" + suffix, new Average(), long[].class)));
  }

  /** Takes a full snapshot of {@code b} and returns its handle. */
  protected static KeyedStateHandle snapshot(CheckpointableKeyedStateBackend<?> b) throws Exception {
    return b.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE)).write();
  }

  private <K> CheckpointableKeyedStateBackend<K> restored(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range,
      List<KeyedStateHandle> handles) throws Exception {
    CheckpointableKeyedStateBackend<K> b = restoreBackend(keyType, maxParallelism, range, handles);
    created.add(b);
    return b;
  }

  private static void fill(CheckpointableKeyedStateBackend<String> b, int keys) throws Exception {
    for (Object ns : NAMESPACES) {
      States st = states(b, ns);
      ValueState<Integer> value = st.value();
      ListState<String> list = st.list();
      MapState<Integer, String> map = st.map();
      ReducingState<Integer> sum = st.sum();
      AggregatingState<Integer, Double> avg = st.avg();
      for (int k = 0; k < keys; k++) {
        b.setCurrentKey("key" + k);
        value.update(k);
        list.addAll(List.of("a" + k, "b" + k));
        map.put(k, "v" + k);
        map.put(-k - 1, null);
        sum.add(k);
        sum.add(1);
        avg.add(k);
        avg.add(k + 2);
      }
    }
  }

  /** Everything the states hold for {@code keys}, as plain values for comparison. */
  private static Map<String, Object> contents(CheckpointableKeyedStateBackend<String> b, List<String> keys) throws Exception {
    Map<String, Object> out = new TreeMap<>();
    for (Object ns : NAMESPACES) {
      States st = states(b, ns);
      ValueState<Integer> value = st.value();
      ListState<String> list = st.list();
      MapState<Integer, String> map = st.map();
      ReducingState<Integer> sum = st.sum();
      AggregatingState<Integer, Double> avg = st.avg();
      for (String key : keys) {
        b.setCurrentKey(key);
        String id = key + "@" + ns;
        if (value.value() != null) {
          out.put(id + "/value", value.value());
        }
        List<String> elements = new ArrayList<>();
        list.get().forEach(elements::add);
        if (!elements.isEmpty()) {
          out.put(id + "/list", elements);
        }
        Map<Integer, String> entries = new TreeMap<>();
        for (Map.Entry<Integer, String> e : map.entries()) {
          entries.put(e.getKey(), e.getValue());
        }
        if (!entries.isEmpty()) {
          out.put(id + "/map", entries);
        }
        if (sum.get() != null) {
          out.put(id + "/sum", sum.get());
        }
        if (avg.get() != null) {
          out.put(id + "/avg", avg.get());
        }
      }
    }
    return out;
  }

  private static List<String> keys(int n) {
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      keys.add("key" + k);
    }
    return keys;
  }

  @Test
  void snapshotThenRestoreGivesTheSameStateOfEveryKindAndNamespace() throws Exception {
    fill(backend, 40);
    Map<String, Object> before = contents(backend, keys(40));
    var async = backend.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE));
    // Changes after the synchronous part are not in the snapshot.
    ValueState<Integer> value = backend.getPartitionedState(VoidNamespace.INSTANCE, VALUE);
    ListState<String> list = states(backend, VoidNamespace.INSTANCE).list();
    backend.setCurrentKey("key1");
    value.update(1000);
    list.add("later");
    KeyedStateHandle handle = async.write();
    CheckpointableKeyedStateBackend<String> copy = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(handle));
    assertThat(contents(copy, keys(40))).isEqualTo(before).hasSize(40 * 2 * 5);
  }

  @Test
  void restoredStateGoesOnIntoTheNextSnapshotEvenIfNeverRegistered() throws Exception {
    fill(backend, 10);
    CheckpointableKeyedStateBackend<String> first = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(snapshot(backend)));
    CheckpointableKeyedStateBackend<String> second = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(snapshot(first)));
    assertThat(contents(second, keys(10))).isEqualTo(contents(backend, keys(10)));
  }

  @Test
  void rescalingPutsEachKeyExactlyOnceAtTheSubtaskOwningItsKeyGroup() throws Exception {
    int maxParallelism = 128;
    ValueState<Integer> value = backend.getPartitionedState(VoidNamespace.INSTANCE, VALUE);
    for (int k = 0; k < 200; k++) {
      backend.setCurrentKey("key" + k);
      value.update(k);
    }
    List<KeyedStateHandle> handles = List.of(snapshot(backend));
    for (int parallelism : new int[] {3, 2}) {
      List<KeyedStateHandle> next = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (int subtask = 0; subtask < parallelism; subtask++) {
        KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(maxParallelism, parallelism, subtask);
        CheckpointableKeyedStateBackend<String> b = restored(Types.STRING, maxParallelism, range, handles);
        ValueState<Integer> restoredValue = b.getPartitionedState(VoidNamespace.INSTANCE, VALUE);
        for (String key : b.getKeys("value", VoidNamespace.INSTANCE).toList()) {
          b.setCurrentKey(key);
          assertThat(range.contains(b.getCurrentKeyGroup())).as("key %s at subtask %d", key, subtask).isTrue();
          assertThat(seen.put(key, restoredValue.value())).as("key %s seen twice", key).isNull();
        }
        next.add(snapshot(b));
      }
      assertThat(seen).hasSize(200);
      seen.forEach((key, v) -> assertThat(key).isEqualTo("key" + v));
      handles = next;
    }
  }

  @Test
  void snapshotsRestoreAcrossBackends() throws Exception {
    fill(backend, 20);
    Map<String, Object> expected = contents(backend, keys(20));
    CheckpointableKeyedStateBackend<String> heap = new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.STRING, 128,
        new KeyGroupRange(0, 127), new io.spate.api.configuration.Configuration(), "heap", System::currentTimeMillis,
        List.of(snapshot(backend)), getClass().getClassLoader()));
    created.add(heap);
    assertThat(contents(heap, keys(20))).isEqualTo(expected);
    CheckpointableKeyedStateBackend<String> back = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(snapshot(heap)));
    assertThat(contents(back, keys(20))).isEqualTo(expected);
  }

  private KeyedStateHandle damaged(java.util.function.BiFunction<byte[], long[], byte[]> damage) throws Exception {
    fill(backend, 30);
    KeyGroupsStateHandle handle = (KeyGroupsStateHandle) snapshot(backend);
    byte[] bytes = ((ByteStreamStateHandle) handle.delegate()).data();
    return new KeyGroupsStateHandle(handle.keyGroupRange(), handle.offsets(),
        new ByteStreamStateHandle("damaged", damage.apply(bytes.clone(), handle.offsets())));
  }

  @Test
  void aTruncatedSnapshotFailsNamingTheHandleAndKeyGroup() throws Exception {
    KeyedStateHandle handle = damaged((b, offsets) -> java.util.Arrays.copyOf(b, b.length * 2 / 3));
    assertThatThrownBy(() -> restoreAndRegister(handle))
        .hasMessageContaining("Cannot restore keyed state from ByteStreamStateHandle(damaged")
        .hasMessageContaining("key group")
        .hasMessageContaining("truncated");
  }

  @Test
  void aCorruptedSnapshotFailsWithAChecksumError() throws Exception {
    KeyedStateHandle handle = damaged((b, offsets) -> {
      for (int i = 0; i + 1 < offsets.length; i++) {
        if (offsets[i + 1] - offsets[i] > 40) {
          b[(int) offsets[i] + 10] ^= 0x5A; // inside the first chunk's data
          return b;
        }
      }
      throw new AssertionError("no key group with data");
    });
    assertThatThrownBy(() -> restoreAndRegister(handle))
        .hasMessageContaining("damaged")
        .hasMessageMatching("(?s).*key group \\d+.*")
        .hasMessageContaining("checksum mismatch");
  }

  private void restoreAndRegister(KeyedStateHandle handle) throws Exception {
    CheckpointableKeyedStateBackend<String> b = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(handle));
    contents(b, keys(30));
  }

  @Test
  void registeringARestoredStateAsAnotherKindFailsNamingBoth() throws Exception {
    fill(backend, 3);
    CheckpointableKeyedStateBackend<String> b = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(snapshot(backend)));
    assertThatThrownBy(() -> b.getPartitionedState(VoidNamespace.INSTANCE, new ListStateDescriptor<>("value", Integer.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'value'").hasMessageContaining("VALUE").hasMessageContaining("LIST");
  }

  /** Ints written in a layout that changes with the version: 1 writes an int, 2 a long. */
  static final class VersionedIntSerializer extends TypeSerializer<Integer> {
    final int version;

    VersionedIntSerializer(int version) {
      this.version = version;
    }

    @Override
    public void serialize(Integer value, DataOutputView target) throws IOException {
      if (version == 1) {
        target.writeInt(value);
      } else {
        target.writeLong(value);
      }
    }

    @Override
    public Integer deserialize(DataInputView source) throws IOException {
      return version == 1 ? source.readInt() : (int) source.readLong();
    }

    @Override
    public Integer copy(Integer value) {
      return value;
    }

    @Override
    public TypeSerializer<Integer> duplicate() {
      return this;
    }

    @Override
    public TypeSerializerSnapshot<Integer> snapshotConfiguration() {
      VersionSnapshot snapshot = new VersionSnapshot();
      snapshot.version = version;
      return snapshot;
    }
  }

  /** Version 2 reads version 1 after migration; version 3 reads nothing older. */
  public static final class VersionSnapshot implements TypeSerializerSnapshot<Integer> {
    int version;

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeInt(version);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
      version = in.readInt();
    }

    @Override
    public TypeSerializer<Integer> restoreSerializer() {
      return new VersionedIntSerializer(version);
    }

    @Override
    public TypeSerializerSchemaCompatibility<Integer> resolveSchemaCompatibility(TypeSerializer<Integer> newSerializer) {
      int next = ((VersionedIntSerializer) newSerializer).version;
      if (next == version) {
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
      }
      return next == 2 && version == 1 ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
          : TypeSerializerSchemaCompatibility.incompatible("version " + version + " cannot become version " + next);
    }
  }

  /** Ints with a versioned serializer. */
  static TypeInformation<Integer> versionedInts(int version) {
    TypeInformation<Integer> ints = Types.INT;
    return new TypeInformation<>() {
      @Override
      public Class<Integer> getTypeClass() {
        return Integer.class;
      }

      @Override
      public TypeSerializer<Integer> createSerializer() {
        return new VersionedIntSerializer(version);
      }

      @Override
      public int keyHash(Integer value) {
        return ints.keyHash(value);
      }

      @Override
      public void checkValidKey() {}

      @Override
      public <F> FieldAccessor<Integer, F> fieldAccessor(String fieldExpression) {
        return ints.fieldAccessor(fieldExpression);
      }

      @Override
      public <F> FieldAccessor<Integer, F> fieldAccessor(int position) {
        return ints.fieldAccessor(position);
      }

      @Override
      public boolean isBasicType() {
        return true;
      }
    };
  }

  private KeyedStateHandle versionedSnapshot() throws Exception {
    ValueState<Integer> v1 = backend.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("n", versionedInts(1)));
    ListState<Integer> l1 = backend.getPartitionedState(VoidNamespace.INSTANCE, new ListStateDescriptor<>("l", versionedInts(1)));
    for (int k = 0; k < 20; k++) {
      backend.setCurrentKey("key" + k);
      v1.update(k * 7);
      l1.addAll(List.of(k, k + 1));
    }
    return snapshot(backend);
  }

  @Test
  void aRestoredStateWhoseSerializerNeedsMigrationIsMigrated() throws Exception {
    KeyedStateHandle handle = versionedSnapshot();
    CheckpointableKeyedStateBackend<String> b = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(handle));
    ValueState<Integer> v2 = b.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("n", versionedInts(2)));
    ListState<Integer> l2 = b.getPartitionedState(VoidNamespace.INSTANCE, new ListStateDescriptor<>("l", versionedInts(2)));
    for (int k = 0; k < 20; k++) {
      b.setCurrentKey("key" + k);
      assertThat(v2.value()).isEqualTo(k * 7);
      assertThat(l2.get()).containsExactly(k, k + 1);
    }
    // The next snapshot is in the new layout and restores with the new serializer as it is.
    CheckpointableKeyedStateBackend<String> c = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(snapshot(b)));
    ValueState<Integer> again = c.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("n", versionedInts(2)));
    c.setCurrentKey("key3");
    assertThat(again.value()).isEqualTo(21);
  }

  @Test
  void aRestoredStateWithAnIncompatibleSerializerFailsNamingStateAndReason() throws Exception {
    KeyedStateHandle handle = versionedSnapshot();
    CheckpointableKeyedStateBackend<String> b = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(handle));
    assertThatThrownBy(() -> b.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("n", versionedInts(3))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'n'")
        .hasMessageContaining("version 1 cannot become version 3");
  }

  @Test
  void anIncompatibleKeySerializerFails() throws Exception {
    fill(backend, 3);
    KeyedStateHandle handle = snapshot(backend);
    assertThatThrownBy(() -> restored(Types.LONG, 128, new KeyGroupRange(0, 127), List.of(handle)))
        .hasMessageContaining("key serializer");
  }

  /** Records fired timers. */
  private static final class FiredTimers implements InternalTimerServiceImpl.Target {
    final List<String> fired = new ArrayList<>();

    @Override
    public void onEventTime(Timer timer) {
      fired.add("event " + timer.key() + " " + timer.namespace() + " " + timer.timestamp());
    }

    @Override
    public void onProcessingTime(Timer timer) {
      fired.add("processing " + timer.key() + " " + timer.namespace() + " " + timer.timestamp());
    }
  }

  @Test
  void timersSurviveARescaledRestoreAndFireAfterIt() throws Exception {
    long[] now = {0};
    InternalTimerServiceImpl timers = InternalTimerServiceImpl.create("timers", backend,
        new TaskProcessingTimeService(() -> now[0]), new FiredTimers());
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      timers.registerEventTimeTimer("key" + k, new TimeWindow(0, k), 100 + k);
      timers.registerEventTimeTimer("key" + k, VoidNamespace.INSTANCE, 200 + k);
      timers.registerProcessingTimeTimer("key" + k, VoidNamespace.INSTANCE, 50);
    }
    List<KeyedStateHandle> handles = List.of(snapshot(backend));
    int total = 0;
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(128, 2, subtask);
      CheckpointableKeyedStateBackend<String> b = restored(Types.STRING, 128, range, handles);
      FiredTimers fired = new FiredTimers();
      InternalTimerServiceImpl restoredTimers = InternalTimerServiceImpl.create("timers", b,
          new TaskProcessingTimeService(() -> now[0]), fired);
      restoredTimers.advanceWatermark(Long.MAX_VALUE - 1);
      for (String f : fired.fired) {
        String key = f.split(" ")[1];
        b.setCurrentKey(key);
        assertThat(range.contains(b.getCurrentKeyGroup())).isTrue();
      }
      total += fired.fired.size();
      assertThat(restoredTimers.numberOfTimers()).isEqualTo(fired.fired.size() / 2);
    }
    assertThat(total).isEqualTo(60);
  }

  @Test
  void aSnapshotHoldsTheTimersOfItsSynchronousPartNotThoseOfItsWriting() throws Exception {
    long[] now = {0};
    InternalTimerServiceImpl timers = InternalTimerServiceImpl.create("timers", backend,
        new TaskProcessingTimeService(() -> now[0]), new FiredTimers());
    for (int k = 0; k < 20; k++) {
      timers.registerEventTimeTimer("key" + k, new TimeWindow(0, 100 + k), 99 + k);
      timers.registerProcessingTimeTimer("key" + k, VoidNamespace.INSTANCE, 50 + k);
    }
    var async = backend.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE));
    // The task goes on between the synchronous part and the writing: timers fire, go and come.
    timers.advanceWatermark(108);
    timers.deleteProcessingTimeTimer("key15", VoidNamespace.INSTANCE, 65);
    timers.registerEventTimeTimer("later", VoidNamespace.INSTANCE, 500);
    KeyedStateHandle handle = async.write();

    CheckpointableKeyedStateBackend<String> copy = restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(handle));
    FiredTimers fired = new FiredTimers();
    TaskProcessingTimeService restoredClock = new TaskProcessingTimeService(() -> now[0]);
    InternalTimerServiceImpl restoredTimers = InternalTimerServiceImpl.create("timers", copy, restoredClock, fired);
    now[0] = 1_000;
    restoredTimers.advanceWatermark(Long.MAX_VALUE - 1);
    restoredClock.fireDue(now[0]);
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      expected.add("event key" + k + " " + new TimeWindow(0, 100 + k) + " " + (99 + k));
      expected.add("processing key" + k + " " + VoidNamespace.INSTANCE + " " + (50 + k));
    }
    assertThat(fired.fired).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void timersFireInTimestampOrderOnceEachAndDeletedOnesNever() throws Exception {
    long[] now = {0};
    TaskProcessingTimeService clock = new TaskProcessingTimeService(() -> now[0]);
    FiredTimers fired = new FiredTimers();
    InternalTimerServiceImpl timers = InternalTimerServiceImpl.create("timers", backend, clock, fired);
    TreeMap<Long, List<String>> expected = new TreeMap<>();
    // One hot key with many timers (one key group holding more than any cache), many keys with few.
    for (int i = 0; i < 3000; i++) {
      String key = i < 1000 ? "hot" : "key" + (i % 500);
      long time = (i * 7919L) % 2003 - 1000;
      Object namespace = i % 3 == 0 ? new TimeWindow(0, i % 5) : VoidNamespace.INSTANCE;
      timers.registerEventTimeTimer(key, namespace, time);
      timers.registerEventTimeTimer(key, namespace, time); // a duplicate is one timer
      String event = "event " + key + " " + namespace + " " + time;
      if (i % 4 == 1) {
        timers.deleteEventTimeTimer(key, namespace, time);
        expected.getOrDefault(time, new ArrayList<>()).remove(event);
      } else if (!expected.computeIfAbsent(time, t -> new ArrayList<>()).contains(event)) {
        expected.get(time).add(event);
      }
    }
    timers.registerProcessingTimeTimer("hot", VoidNamespace.INSTANCE, 20);
    timers.registerProcessingTimeTimer("key1", VoidNamespace.INSTANCE, 10);
    timers.registerProcessingTimeTimer("key2", VoidNamespace.INSTANCE, 30);
    timers.deleteProcessingTimeTimer("key2", VoidNamespace.INSTANCE, 30);
    long count = expected.values().stream().mapToLong(List::size).sum();
    assertThat(timers.numberOfTimers()).isEqualTo(count + 2);

    List<String> inOrder = new ArrayList<>();
    for (long watermark = -1100; watermark <= 1100; watermark += 97) {
      timers.advanceWatermark(watermark);
      inOrder.addAll(fired.fired);
      for (String f : fired.fired) {
        assertThat(Long.parseLong(f.substring(f.lastIndexOf(' ') + 1))).isLessThanOrEqualTo(watermark);
      }
      fired.fired.clear();
    }
    List<Long> times = inOrder.stream().map(f -> Long.parseLong(f.substring(f.lastIndexOf(' ') + 1))).toList();
    assertThat(times).isSorted();
    assertThat(inOrder).containsExactlyInAnyOrderElementsOf(expected.values().stream().flatMap(List::stream).toList());

    now[0] = 25;
    clock.fireDue(now[0]);
    assertThat(fired.fired).containsExactly("processing key1 " + VoidNamespace.INSTANCE + " 10",
        "processing hot " + VoidNamespace.INSTANCE + " 20");
    now[0] = 100;
    clock.fireDue(now[0]);
    assertThat(fired.fired).hasSize(2);
    assertThat(timers.numberOfTimers()).isZero();
  }

  // ---- descriptors given a serializer (Flink's constructors) ----

  @Test
  void descriptorsGivenASerializerKeepTheirStateThroughASnapshot() throws Exception {
    ValueStateDescriptor<Long> valueDescriptor =
        new ValueStateDescriptor<>("sv", io.spate.api.serialization.LongSerializer.INSTANCE, 7L);
    ListStateDescriptor<String> listDescriptor =
        new ListStateDescriptor<>("sl", io.spate.api.serialization.StringSerializer.INSTANCE);
    MapStateDescriptor<String, Long> mapDescriptor = new MapStateDescriptor<>("sm",
        io.spate.api.serialization.StringSerializer.INSTANCE, io.spate.api.serialization.LongSerializer.INSTANCE);
    ReducingStateDescriptor<Long> sumDescriptor =
        new ReducingStateDescriptor<>("ss", Long::sum, io.spate.api.serialization.LongSerializer.INSTANCE);
    ValueState<Long> value = backend.getPartitionedState(VoidNamespace.INSTANCE, valueDescriptor);
    ListState<String> list = backend.getPartitionedState(VoidNamespace.INSTANCE, listDescriptor);
    MapState<String, Long> map = backend.getPartitionedState(VoidNamespace.INSTANCE, mapDescriptor);
    ReducingState<Long> sum = backend.getPartitionedState(VoidNamespace.INSTANCE, sumDescriptor);
    backend.setCurrentKey("k");
    assertThat(value.value()).isEqualTo(7L);
    value.update(42L);
    list.add("a");
    list.add("b");
    map.put("x", 1L);
    sum.add(3L);
    sum.add(4L);

    CheckpointableKeyedStateBackend<String> copy =
        restored(Types.STRING, 128, new KeyGroupRange(0, 127), List.of(snapshot(backend)));
    copy.setCurrentKey("k");
    assertThat(copy.getPartitionedState(VoidNamespace.INSTANCE, valueDescriptor).value()).isEqualTo(42L);
    assertThat(copy.getPartitionedState(VoidNamespace.INSTANCE, listDescriptor).get()).containsExactly("a", "b");
    assertThat(copy.getPartitionedState(VoidNamespace.INSTANCE, mapDescriptor).get("x")).isEqualTo(1L);
    assertThat(copy.getPartitionedState(VoidNamespace.INSTANCE, sumDescriptor).get()).isEqualTo(7L);
    copy.setCurrentKey("other");
    assertThat(copy.getPartitionedState(VoidNamespace.INSTANCE, valueDescriptor).value()).isEqualTo(7L);
  }
}
