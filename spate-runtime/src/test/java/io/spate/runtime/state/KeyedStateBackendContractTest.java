package io.spate.runtime.state;

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

/**
 * The contract of keyed state that every backend must meet; a backend's test extends this class and
 * says how to create the backend.
 */
public abstract class KeyedStateBackendContractTest {

  private final List<KeyedStateBackend<?>> created = new ArrayList<>();
  private KeyedStateBackend<String> backend;

  /** A new, empty backend of the kind under test. */
  protected abstract <K> KeyedStateBackend<K> createBackend(
      TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange) throws Exception;

  /** Whether values read back are copies (serializing backends) rather than the stored objects. */
  protected abstract boolean readsReturnCopies();

  private <K> KeyedStateBackend<K> newBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range)
      throws Exception {
    KeyedStateBackend<K> b = createBackend(keyType, maxParallelism, range);
    created.add(b);
    return b;
  }

  @BeforeEach
  void createDefaultBackend() throws Exception {
    backend = newBackend(Types.STRING, 128, new KeyGroupRange(0, 127));
  }

  @AfterEach
  void disposeBackends() {
    created.forEach(KeyedStateBackend::dispose);
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
    KeyedStateBackend<String> half = newBackend(Types.STRING, 128, new KeyGroupRange(0, 63));
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
    KeyedStateBackend<Integer> b = newBackend(Types.INT, 16, new KeyGroupRange(0, 15));
    ValueState<Integer> state = b.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("v", Integer.class));
    b.setCurrentKey(1);
    state.update(1);
    b.dispose();
    b.dispose();
  }
}
