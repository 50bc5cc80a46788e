package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.operators.state.InternalMergingState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.state.AggregatingState;
import io.spate.runtime.CheckedLaw;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.ShrinkingLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of state operations over keys, namespaces and every kind of state, checked against
 * a plain in-memory model after each step; a backend's property test extends this class.
 */
public abstract class KeyedStateBackendModelProperties {

  /** A new, empty backend of the kind under test. */
  protected abstract <K> CheckpointableKeyedStateBackend<K> createBackend(
      TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange) throws Exception;

  /** One step: what to do, to which key and namespace, with which numbers. */
  record Op(int kind, String key, String namespace, int a, int b, List<String> sources) {}

  private static final List<String> KEYS = List.of("a", "b", "c", "d");
  private static final List<String> NAMESPACES = List.of("n1", "n2", "n3");
  private static final int KINDS = 11;

  private static Gen<List<Op>> operations() {
    Gen<Op> op = integers().between(0, KINDS - 1)
        .zip(Generate.pick(KEYS), Generate.pick(NAMESPACES), integers().between(-50, 50),
            (kind, key, namespace, a) -> new Op(kind, key, namespace, a, 0, List.of()))
        .zip(integers().between(0, 5), ShrinkingLists.of(Generate.pick(NAMESPACES), 0, 2),
            (o, b, sources) -> new Op(o.kind(), o.key(), o.namespace(), o.a(), b, sources));
    return ShrinkingLists.of(op, 0, 60);
  }

  @Test
  void behavesLikeTheModel() {
    qt().withExamples(60).forAll(operations()).checkAssert(ops -> CheckedLaw.check(() -> {
      CheckpointableKeyedStateBackend<String> backend = createBackend(Types.STRING, 16, new KeyGroupRange(0, 15));
      try {
        run(backend, ops);
      } finally {
        backend.dispose();
      }
    }));
  }

  private static String id(String key, String ns) {
    return key + "/" + ns;
  }

  private void run(CheckpointableKeyedStateBackend<String> backend, List<Op> ops) throws Exception {
    ValueStateDescriptor<Integer> valueD = new ValueStateDescriptor<>("value", Integer.class);
    ListStateDescriptor<Integer> listD = new ListStateDescriptor<>("list", Integer.class);
    ReducingStateDescriptor<Integer> sumD = new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class);
    AggregatingStateDescriptor<Integer, long[], Double> avgD =
        new AggregatingStateDescriptor<>("avg", new KeyedStateBackendContractTest.Average(), long[].class);
    MapStateDescriptor<Integer, String> mapD = new MapStateDescriptor<>("map", Integer.class, String.class);
    Map<String, Integer> values = new HashMap<>();
    Map<String, List<Integer>> lists = new HashMap<>();
    Map<String, Integer> sums = new HashMap<>();
    Map<String, long[]> avgs = new HashMap<>();
    Map<String, TreeMap<Integer, String>> maps = new HashMap<>();

    for (Op op : ops) {
      backend.setCurrentKey(op.key());
      String id = id(op.key(), op.namespace());
      ValueState<Integer> value = backend.getPartitionedState(op.namespace(), valueD);
      ListState<Integer> list = backend.getPartitionedState(op.namespace(), listD);
      ReducingState<Integer> sum = backend.getPartitionedState(op.namespace(), sumD);
      AggregatingState<Integer, Double> avg = backend.getPartitionedState(op.namespace(), avgD);
      MapState<Integer, String> map = backend.getPartitionedState(op.namespace(), mapD);
      switch (op.kind()) {
        case 0 -> {
          value.update(op.a());
          values.put(id, op.a());
        }
        case 1 -> {
          value.clear();
          values.remove(id);
        }
        case 2 -> {
          list.add(op.a());
          lists.computeIfAbsent(id, i -> new ArrayList<>()).add(op.a());
        }
        case 3 -> {
          List<Integer> replacement = new ArrayList<>();
          for (int i = 0; i < op.b(); i++) {
            replacement.add(op.a() + i);
          }
          list.update(replacement);
          if (replacement.isEmpty()) {
            lists.remove(id);
          } else {
            lists.put(id, replacement);
          }
        }
        case 4 -> {
          sum.add(op.a());
          sums.merge(id, op.a(), Integer::sum);
        }
        case 5 -> {
          avg.add(op.a());
          long[] acc = avgs.computeIfAbsent(id, i -> new long[2]);
          acc[0] += op.a();
          acc[1]++;
        }
        case 6 -> {
          map.put(op.b(), "v" + op.a());
          maps.computeIfAbsent(id, i -> new TreeMap<>()).put(op.b(), "v" + op.a());
        }
        case 7 -> {
          map.remove(op.b());
          TreeMap<Integer, String> m = maps.get(id);
          if (m != null) {
            m.remove(op.b());
            if (m.isEmpty()) {
              maps.remove(id);
            }
          }
        }
        case 8 -> {
          map.clear();
          list.clear();
          sum.clear();
          maps.remove(id);
          lists.remove(id);
          sums.remove(id);
        }
        default -> {
          List<String> sources = op.sources().stream().filter(s -> !s.equals(op.namespace())).distinct().toList();
          for (var d : List.of(listD, sumD, avgD)) {
            @SuppressWarnings("unchecked")
            InternalMergingState<String> merging = (InternalMergingState<String>) backend.getOrCreateState(d);
            merging.mergeNamespaces(op.namespace(), sources);
          }
          for (String source : sources) {
            String from = id(op.key(), source);
            List<Integer> l = lists.remove(from);
            if (l != null) {
              lists.computeIfAbsent(id, i -> new ArrayList<>()).addAll(l);
            }
            Integer s = sums.remove(from);
            if (s != null) {
              sums.merge(id, s, Integer::sum);
            }
            long[] acc = avgs.remove(from);
            if (acc != null) {
              long[] target = avgs.computeIfAbsent(id, i -> new long[2]);
              target[0] += acc[0];
              target[1] += acc[1];
            }
          }
        }
      }
      check(backend, op.key(), op.namespace(), valueD, listD, sumD, avgD, mapD, values, lists, sums, avgs, maps);
    }
    for (String ns : NAMESPACES) {
      assertThat(new TreeSet<>(backend.getKeys("list", ns).toList()))
          .isEqualTo(keysWith(lists.keySet(), ns));
      assertThat(new TreeSet<>(backend.getKeys("map", ns).toList()))
          .isEqualTo(keysWith(maps.keySet(), ns));
      assertThat(new TreeSet<>(backend.getKeys("sum", ns).toList()))
          .isEqualTo(keysWith(sums.keySet(), ns));
      assertThat(new TreeSet<>(backend.getKeys("avg", ns).toList()))
          .isEqualTo(keysWith(avgs.keySet(), ns));
      for (String key : KEYS) {
        check(backend, key, ns, valueD, listD, sumD, avgD, mapD, values, lists, sums, avgs, maps);
      }
    }
  }

  private static TreeSet<String> keysWith(java.util.Set<String> ids, String ns) {
    TreeSet<String> keys = new TreeSet<>();
    for (String id : ids) {
      if (id.endsWith("/" + ns)) {
        keys.add(id.substring(0, id.indexOf('/')));
      }
    }
    return keys;
  }

  private static void check(CheckpointableKeyedStateBackend<String> backend, String key, String ns,
      ValueStateDescriptor<Integer> valueD, ListStateDescriptor<Integer> listD, ReducingStateDescriptor<Integer> sumD,
      AggregatingStateDescriptor<Integer, long[], Double> avgD, MapStateDescriptor<Integer, String> mapD,
      Map<String, Integer> values, Map<String, List<Integer>> lists, Map<String, Integer> sums,
      Map<String, long[]> avgs, Map<String, TreeMap<Integer, String>> maps) throws Exception {
    backend.setCurrentKey(key);
    String id = id(key, ns);
    assertThat(backend.getPartitionedState(ns, valueD).value()).as("value %s", id).isEqualTo(values.get(id));
    assertThat(backend.getPartitionedState(ns, listD).get()).as("list %s", id)
        .containsExactlyInAnyOrderElementsOf(lists.getOrDefault(id, List.of()));
    assertThat(backend.getPartitionedState(ns, sumD).get()).as("sum %s", id).isEqualTo(sums.get(id));
    long[] acc = avgs.get(id);
    assertThat(backend.getPartitionedState(ns, avgD).get()).as("avg %s", id)
        .isEqualTo(acc == null ? null : (double) acc[0] / acc[1]);
    TreeMap<Integer, String> actual = new TreeMap<>();
    for (Map.Entry<Integer, String> e : backend.getPartitionedState(ns, mapD).entries()) {
      actual.put(e.getKey(), e.getValue());
    }
    assertThat(actual).as("map %s", id).isEqualTo(maps.getOrDefault(id, new TreeMap<>()));
  }
}
