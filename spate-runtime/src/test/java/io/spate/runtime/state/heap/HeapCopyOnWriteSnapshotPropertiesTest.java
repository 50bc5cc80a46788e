package io.spate.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.CheckedLaw;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.ShrinkingLists;
import io.spate.api.operators.state.InternalKvState;
import io.spate.api.operators.state.InternalMergingState;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Copy-on-write snapshots of the heap backend against a reference model: random interleavings of
 * writes, in-place mutations, merges and reads (which refresh TTL times) with snapshots started and
 * written at random points, several at once. Each snapshot must hold exactly the model's state at
 * its start, and the live state the model's current state, after every step.
 */
class HeapCopyOnWriteSnapshotPropertiesTest {

  /** A mutable user value: value state and aggregating state change it in place. */
  public static final class Counter {
    public int count;

    public Counter() {}

    Counter(int count) {
      this.count = count;
    }
  }

  /** Sums into a {@link Counter} that it changes in place. */
  static final class Summing implements AggregateFunction<Integer, Counter, Integer> {
    @Override
    public Counter createAccumulator() {
      return new Counter();
    }

    @Override
    public Counter add(Integer value, Counter accumulator) {
      accumulator.count += value;
      return accumulator;
    }

    @Override
    public Integer getResult(Counter accumulator) {
      return accumulator.count;
    }

    @Override
    public Counter merge(Counter a, Counter b) {
      a.count += b.count;
      return a;
    }
  }

  record Op(int kind, int key, boolean otherNamespace, int a, int b) {}

  private static final int KINDS = 27;
  private static final List<String> NAMESPACES = List.of("a", "b");

  private static Gen<List<Op>> ops() {
    Gen<Op> op = integers().between(0, KINDS - 1).zip(
        Generate.oneOf(integers().between(0, 2), integers().between(0, 39)),
        booleans().all(), integers().between(0, 5), integers().between(-3, 9), Op::new);
    // few keys often, so that one key sees many steps; up to 40 so that maps grow while snapshots run;
    // list sizes drawn uniformly from 1 to 300
    return ShrinkingLists.of(op, 1, 300);
  }

  private static StateTtlConfig ttl() {
    return StateTtlConfig.newBuilder(Duration.ofDays(1)).updateTtlOnReadAndWrite().cleanupIncrementally(3, true)
        .build();
  }

  private static List<StateDescriptor<?, ?>> descriptors() {
    ValueStateDescriptor<Integer> ttlValue = new ValueStateDescriptor<>("ttl-value", Types.INT);
    ttlValue.enableTimeToLive(ttl());
    ListStateDescriptor<Integer> ttlList = new ListStateDescriptor<>("ttl-list", Types.INT);
    ttlList.enableTimeToLive(ttl());
    MapStateDescriptor<Integer, Integer> ttlMap = new MapStateDescriptor<>("ttl-map", Types.INT, Types.INT);
    ttlMap.enableTimeToLive(ttl());
    ReducingStateDescriptor<Integer> ttlReducing = new ReducingStateDescriptor<>("ttl-reducing", Integer::sum, Types.INT);
    ttlReducing.enableTimeToLive(ttl());
    return List.of(
        new ValueStateDescriptor<>("value", Types.POJO(Counter.class)),
        new ListStateDescriptor<>("list", Types.INT),
        new MapStateDescriptor<>("map", Types.INT, Types.INT),
        new ReducingStateDescriptor<>("reducing", Integer::sum, Types.INT),
        new AggregatingStateDescriptor<>("aggregating", new Summing(), Types.POJO(Counter.class)),
        ttlValue, ttlList, ttlMap, ttlReducing);
  }

  /** The backend under test, its states by name, and the model: state name -> [key, namespace] -> value. */
  private final class Run {
    final long[] clock = {1};
    final HeapKeyedStateBackend<Integer> backend;
    final Map<String, InternalKvState<String>> states = new LinkedHashMap<>();
    final Map<String, Map<List<Object>, Object>> model = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    Run(int maxParallelism) {
      backend = backend(maxParallelism, List.of(), clock);
      for (StateDescriptor<?, ?> d : descriptors()) {
        states.put(d.getName(), (InternalKvState<String>) backend.getOrCreateState(d));
        model.put(d.getName(), new HashMap<>());
      }
    }

    @SuppressWarnings("unchecked")
    <S> S state(String name, String namespace) {
      InternalKvState<String> state = states.get(name);
      state.setCurrentNamespace(namespace);
      return (S) state;
    }

    Map<List<Object>, Object> model(String name) {
      return model.get(name);
    }
  }

  private HeapKeyedStateBackend<Integer> backend(int maxParallelism, List<KeyedStateHandle> handles, long[] clock) {
    return new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.INT, maxParallelism,
        new KeyGroupRange(0, maxParallelism - 1), new Configuration(), "copy-on-write test", () -> clock[0], handles,
        getClass().getClassLoader()));
  }

  private record Running(AsyncSnapshot<KeyedStateHandle> snapshot, Map<String, Map<List<Object>, Object>> expected) {}

  @Test
  void snapshotsHoldTheStateAtTheirStartAndTheLiveStateGoesOn() {
    qt().withExamples(100).forAll(ops(), integers().between(1, 4))
        .checkAssert((ops, maxParallelism) -> CheckedLaw.check(
            () -> snapshotsHoldTheStateAtTheirStartAndTheLiveStateGoesOn(ops, maxParallelism)));
  }

  private void snapshotsHoldTheStateAtTheirStartAndTheLiveStateGoesOn(List<Op> ops, int maxParallelism)
      throws Exception {
    Run run = new Run(maxParallelism);
    List<Running> running = new ArrayList<>();
    long checkpointId = 0;
    for (Op op : ops) {
      run.clock[0]++;
      if (op.kind() == KINDS - 2) {
        AsyncSnapshot<KeyedStateHandle> snapshot =
            run.backend.snapshot(++checkpointId, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE));
        running.add(new Running(snapshot, deepCopy(run.model)));
      } else if (op.kind() == KINDS - 1) {
        if (!running.isEmpty()) {
          checkSnapshot(running.remove(op.key() % running.size()), maxParallelism);
        }
      } else {
        apply(run, op);
      }
      assertThat(live(run)).as("live state after %s", op).isEqualTo(run.model);
    }
    while (!running.isEmpty()) {
      checkSnapshot(running.remove(running.size() - 1), maxParallelism);
    }
    assertThat(run.backend.snapshotVersions().running()).isZero();
    assertThat(run.backend.snapshotVersions().ownedFrom).isZero();
  }

  private void checkSnapshot(Running snapshot, int maxParallelism) throws Exception {
    KeyedStateHandle handle = snapshot.snapshot().write();
    HeapKeyedStateBackend<Integer> restored =
        backend(maxParallelism, handle == null ? List.of() : List.of(handle), new long[] {0});
    Map<String, Map<List<Object>, Object>> contents = new LinkedHashMap<>();
    for (StateDescriptor<?, ?> d : descriptors()) {
      contents.put(d.getName(), contents((AbstractHeapState<?, ?, ?>) (Object) restored.getOrCreateState(d)));
    }
    assertThat(contents).as("a snapshot's contents").isEqualTo(snapshot.expected());
  }

  private static Map<String, Map<List<Object>, Object>> live(Run run) {
    Map<String, Map<List<Object>, Object>> contents = new LinkedHashMap<>();
    run.states.forEach((name, state) -> contents.put(name, contents((AbstractHeapState<?, ?, ?>) state)));
    return contents;
  }

  /** What the table of {@code state} holds, looked at directly (a read through the API would refresh TTL times). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<List<Object>, Object> contents(AbstractHeapState<?, ?, ?> state) {
    Map<List<Object>, Object> contents = new HashMap<>();
    StateTable table = state.table;
    for (int i = 0; i < table.range().size(); i++) {
      table.keyGroupAt(i).forEachLive(e -> {
        CopyOnWriteStateMap.Entry entry = (CopyOnWriteStateMap.Entry) e;
        contents.put(List.of(entry.key, entry.namespace), normalized(entry.value));
      });
    }
    return contents;
  }

  private static Object normalized(Object stored) {
    if (stored instanceof Counter counter) {
      return counter.count;
    }
    if (stored instanceof TtlValue<?> ttl) {
      return List.of(normalized(ttl.value), ttl.lastAccess);
    }
    if (stored instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(element -> out.add(normalized(element)));
      return out;
    }
    if (stored instanceof Map<?, ?> map) {
      Map<Object, Object> out = new HashMap<>();
      map.forEach((k, v) -> out.put(k, normalized(v)));
      return out;
    }
    return stored;
  }

  private static Map<String, Map<List<Object>, Object>> deepCopy(Map<String, Map<List<Object>, Object>> model) {
    Map<String, Map<List<Object>, Object>> copy = new LinkedHashMap<>();
    model.forEach((name, values) -> {
      Map<List<Object>, Object> valuesCopy = new HashMap<>();
      values.forEach((k, v) -> valuesCopy.put(k, normalized(v)));
      copy.put(name, valuesCopy);
    });
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void apply(Run run, Op op) throws Exception {
    run.backend.setCurrentKey(op.key());
    String ns = NAMESPACES.get(op.otherNamespace() ? 1 : 0);
    String other = NAMESPACES.get(op.otherNamespace() ? 0 : 1);
    List<Object> at = List.of(op.key(), ns);
    long now = run.clock[0];
    int a = op.a();
    int b = op.b();
    switch (op.kind()) {
      case 0 -> {
        run.<ValueState<Counter>>state("value", ns).update(new Counter(b));
        run.model("value").put(at, b);
      }
      case 1 -> {
        run.<ValueState<Counter>>state("value", ns).update(null);
        run.model("value").remove(at);
      }
      case 2 -> { // changes the stored object in place, without update: on the heap that changes the state
        Counter counter = run.<ValueState<Counter>>state("value", ns).value();
        if (counter != null) {
          counter.count += b;
          run.model("value").put(at, counter.count);
        }
      }
      case 3 -> {
        run.<ListState<Integer>>state("list", ns).add(b);
        ((List<Object>) run.model("list").computeIfAbsent(at, k -> new ArrayList<>())).add(b);
      }
      case 4 -> {
        run.<ListState<Integer>>state("list", ns).update(List.of(a, b));
        run.model("list").put(at, new ArrayList<>(List.of(a, b)));
      }
      case 5 -> {
        run.<ListState<Integer>>state("list", ns).clear();
        run.model("list").remove(at);
      }
      case 6 -> {
        run.<MapState<Integer, Integer>>state("map", ns).put(a, b);
        ((Map<Object, Object>) run.model("map").computeIfAbsent(at, k -> new HashMap<>())).put(a, b);
      }
      case 7 -> {
        run.<MapState<Integer, Integer>>state("map", ns).remove(a);
        Map<Object, Object> map = (Map<Object, Object>) run.model("map").get(at);
        if (map != null) {
          map.remove(a);
          if (map.isEmpty()) {
            run.model("map").remove(at);
          }
        }
      }
      case 8 -> { // a write through the entries' iterator
        Iterator<Map.Entry<Integer, Integer>> entries = run.<MapState<Integer, Integer>>state("map", ns).iterator();
        while (entries.hasNext()) {
          Map.Entry<Integer, Integer> entry = entries.next();
          entry.setValue(entry.getValue() + b);
        }
        Map<Object, Object> map = (Map<Object, Object>) run.model("map").get(at);
        if (map != null) {
          map.replaceAll((k, v) -> (Integer) v + b);
        }
      }
      case 9 -> {
        run.<ReducingState<Integer>>state("reducing", ns).add(b);
        run.model("reducing").merge(at, b, (x, y) -> (Integer) x + (Integer) y);
      }
      case 10 -> {
        run.<AggregatingState<Integer, Integer>>state("aggregating", ns).add(b);
        run.model("aggregating").merge(at, b, (x, y) -> (Integer) x + (Integer) y);
      }
      case 11 -> {
        run.<AggregatingState<Integer, Integer>>state("aggregating", ns).clear();
        run.model("aggregating").remove(at);
      }
      case 12, 13, 14 -> { // merges the other namespace into this one
        String name = List.of("list", "reducing", "aggregating").get(op.kind() - 12);
        run.<InternalMergingState<String>>state(name, ns).mergeNamespaces(ns, List.of(other));
        Object source = run.model(name).remove(List.of(op.key(), other));
        if (source != null) {
          Object target = run.model(name).get(at);
          if (target == null) {
            run.model(name).put(at, source);
          } else if (name.equals("list")) {
            ((List<Object>) target).addAll((List<Object>) source);
          } else {
            run.model(name).put(at, (Integer) target + (Integer) source);
          }
        }
      }
      case 15 -> {
        run.<ValueState<Integer>>state("ttl-value", ns).update(b);
        run.model("ttl-value").put(at, List.of(b, now));
      }
      case 16 -> { // a read refreshes the time to live
        run.<ValueState<Integer>>state("ttl-value", ns).value();
        run.model("ttl-value").computeIfPresent(at, (k, v) -> List.of(((List<?>) v).get(0), now));
      }
      case 17 -> {
        run.<ListState<Integer>>state("ttl-list", ns).add(b);
        ((List<Object>) run.model("ttl-list").computeIfAbsent(at, k -> new ArrayList<>())).add(List.of(b, now));
      }
      case 18 -> {
        run.<ListState<Integer>>state("ttl-list", ns).get().forEach(x -> {});
        run.model("ttl-list").computeIfPresent(at, (k, v) -> {
          List<Object> refreshed = new ArrayList<>();
          ((List<?>) v).forEach(element -> refreshed.add(List.of(((List<?>) element).get(0), now)));
          return refreshed;
        });
      }
      case 19 -> {
        run.<MapState<Integer, Integer>>state("ttl-map", ns).put(a, b);
        ((Map<Object, Object>) run.model("ttl-map").computeIfAbsent(at, k -> new HashMap<>())).put(a, List.of(b, now));
      }
      case 20 -> {
        run.<MapState<Integer, Integer>>state("ttl-map", ns).get(a);
        Map<Object, Object> map = (Map<Object, Object>) run.model("ttl-map").get(at);
        if (map != null) {
          map.computeIfPresent(a, (k, v) -> List.of(((List<?>) v).get(0), now));
        }
      }
      case 21 -> {
        run.<MapState<Integer, Integer>>state("ttl-map", ns).remove(a);
        Map<Object, Object> map = (Map<Object, Object>) run.model("ttl-map").get(at);
        if (map != null) {
          map.remove(a);
          if (map.isEmpty()) {
            run.model("ttl-map").remove(at);
          }
        }
      }
      case 22 -> {
        run.<ReducingState<Integer>>state("ttl-reducing", ns).add(b);
        run.model("ttl-reducing").merge(at, List.of(b, now),
            (x, y) -> List.of((Integer) ((List<?>) x).get(0) + b, now));
      }
      case 23 -> {
        run.<ListState<Integer>>state("ttl-list", ns).clear();
        run.model("ttl-list").remove(at);
      }
      case 24 -> { // every state of the key and namespace at once, as a window's purge does
        for (String name : run.states.keySet()) {
          run.<io.spate.api.state.State>state(name, ns).clear();
          run.model(name).remove(at);
        }
      }
      default -> throw new IllegalArgumentException("no operation " + op.kind());
    }
  }
}
