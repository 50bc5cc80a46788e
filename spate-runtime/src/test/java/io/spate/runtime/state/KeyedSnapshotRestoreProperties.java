package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random state operations on random keys and namespaces, a snapshot, and a restore at a random
 * parallelism on a random backend kind: the union of the restored instances' state equals a model of
 * the operations, and each key is restored exactly once. A first checkpoint completes half way, so
 * that incremental snapshots reference its files. A backend module's property test extends it.
 */
public abstract class KeyedSnapshotRestoreProperties {

  private static final int MAX_PARALLELISM = 16;

  /** The number of backend kinds {@link #create} can make. */
  protected abstract int backendKinds();

  /** A new backend of kind {@code kind} (0 until {@link #backendKinds()}). */
  protected abstract CheckpointableKeyedStateBackend<String> create(int kind, KeyedStateBackendParameters<String> parameters)
      throws Exception;

  /**
   * Where backend kind {@code kind} writes its snapshot for checkpoint {@code checkpointId}: in memory
   * unless a kind needs files (incremental checkpoints need a shared scope).
   */
  protected CheckpointStreamFactory streams(int kind, long checkpointId) throws Exception {
    return new MemoryCheckpointStreamFactory(Integer.MAX_VALUE);
  }

  /** Whether a snapshot of kind {@code sourceKind} restores on kind {@code targetKind}. */
  protected boolean restores(int sourceKind, int targetKind) {
    return true;
  }

  /** One operation. */
  record Op(int kind, int key, int namespace, int value) {}

  private static Gen<List<Op>> operations() {
    return ShrinkingLists.of(integers().between(0, 5).zip(integers().between(0, 24), integers().between(0, 2),
        integers().between(-100, 100), Op::new), 0, 80);
  }

  private static final ValueStateDescriptor<Integer> VALUE = new ValueStateDescriptor<>("value", Integer.class);
  private static final ListStateDescriptor<Integer> LIST = new ListStateDescriptor<>("list", Integer.class);
  private static final MapStateDescriptor<Integer, String> MAP = new MapStateDescriptor<>("map", Integer.class, String.class);
  private static final ReducingStateDescriptor<Integer> SUM = new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class);

  private CheckpointableKeyedStateBackend<String> backend(int kind, KeyGroupRange range, List<KeyedStateHandle> handles)
      throws Exception {
    return create(kind, new KeyedStateBackendParameters<>(Types.STRING, MAX_PARALLELISM, range, new Configuration(),
        "property test", System::currentTimeMillis, handles, getClass().getClassLoader()));
  }

  @Test
  void restoredStateEqualsTheModel() {
    qt().withExamples(40).forAll(operations(), integers().between(1, 5), integers().between(0, 7))
        .assuming((ops, parallelism, kinds) -> restores(kinds % backendKinds(), (kinds / 2) % backendKinds()))
        .checkAssert((ops, parallelism, kinds) -> CheckedLaw.check(
            () -> restoredStateEqualsTheModel(ops, parallelism, kinds)));
  }

  private void restoredStateEqualsTheModel(List<Op> ops, int parallelism, int kinds) throws Exception {
    int sourceKind = kinds % backendKinds();
    int targetKind = (kinds / 2) % backendKinds();
    Map<String, Object> model = new TreeMap<>();
    CheckpointableKeyedStateBackend<String> source = backend(sourceKind, new KeyGroupRange(0, MAX_PARALLELISM - 1), List.of());
    List<CheckpointableKeyedStateBackend<String>> targets = new ArrayList<>();
    try {
      // A first checkpoint that completes, so that incremental snapshots have files to reference.
      for (Op op : ops.subList(0, ops.size() / 2)) {
        apply(source, op, model);
      }
      source.snapshot(1, streams(sourceKind, 1)).write();
      source.notifyCheckpointComplete(1);
      for (Op op : ops.subList(ops.size() / 2, ops.size())) {
        apply(source, op, model);
      }
      KeyedStateHandle handle = source.snapshot(2, streams(sourceKind, 2)).write();
      Map<String, Object> union = new TreeMap<>();
      for (int subtask = 0; subtask < parallelism; subtask++) {
        KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(MAX_PARALLELISM, parallelism, subtask);
        CheckpointableKeyedStateBackend<String> target = backend(targetKind, range, handle == null ? List.of() : List.of(handle));
        targets.add(target);
        for (int k = 0; k < 25; k++) {
          String key = "key" + k;
          if (range.contains(KeyGroupAssignment.keyGroupForHash(Types.STRING.keyHash(key), MAX_PARALLELISM))) {
            for (Map.Entry<String, Object> e : read(target, key).entrySet()) {
              assertThat(union.put(e.getKey(), e.getValue())).as("restored twice: %s", e.getKey()).isNull();
            }
          }
        }
      }
      assertThat(union).isEqualTo(model);
    } finally {
      source.dispose();
      targets.forEach(CheckpointableKeyedStateBackend::dispose);
    }
  }

  private static String namespace(int n) {
    return "ns" + n;
  }

  private static void apply(CheckpointableKeyedStateBackend<String> b, Op op, Map<String, Object> model) throws Exception {
    String key = "key" + op.key();
    String ns = namespace(op.namespace());
    String id = key + "/" + ns;
    b.setCurrentKey(key);
    switch (op.kind()) {
      case 0 -> {
        ValueState<Integer> s = b.getPartitionedState(ns, VALUE);
        s.update(op.value());
        model.put(id + "/value", op.value());
      }
      case 1 -> {
        ValueState<Integer> s = b.getPartitionedState(ns, VALUE);
        s.clear();
        model.remove(id + "/value");
      }
      case 2 -> {
        ListState<Integer> s = b.getPartitionedState(ns, LIST);
        s.add(op.value());
        @SuppressWarnings("unchecked")
        List<Integer> list = (List<Integer>) model.computeIfAbsent(id + "/list", k -> new ArrayList<Integer>());
        list.add(op.value());
      }
      case 3 -> {
        MapState<Integer, String> s = b.getPartitionedState(ns, MAP);
        s.put(op.value() % 5, "v" + op.value());
        @SuppressWarnings("unchecked")
        Map<Integer, String> map = (Map<Integer, String>) model.computeIfAbsent(id + "/map", k -> new TreeMap<Integer, String>());
        map.put(op.value() % 5, "v" + op.value());
      }
      case 4 -> {
        MapState<Integer, String> s = b.getPartitionedState(ns, MAP);
        s.remove(op.value() % 5);
        @SuppressWarnings("unchecked")
        Map<Integer, String> map = (Map<Integer, String>) model.get(id + "/map");
        if (map != null) {
          map.remove(op.value() % 5);
          if (map.isEmpty()) {
            model.remove(id + "/map");
          }
        }
      }
      default -> {
        ReducingState<Integer> s = b.getPartitionedState(ns, SUM);
        s.add(op.value());
        model.merge(id + "/sum", op.value(), (a, c) -> (Integer) a + (Integer) c);
      }
    }
  }

  private static Map<String, Object> read(CheckpointableKeyedStateBackend<String> b, String key) throws Exception {
    Map<String, Object> out = new TreeMap<>();
    b.setCurrentKey(key);
    for (int n = 0; n < 3; n++) {
      String ns = namespace(n);
      String id = key + "/" + ns;
      ValueState<Integer> value = b.getPartitionedState(ns, VALUE);
      if (value.value() != null) {
        out.put(id + "/value", value.value());
      }
      List<Integer> list = new ArrayList<>();
      ((ListState<Integer>) b.getPartitionedState(ns, LIST)).get().forEach(list::add);
      if (!list.isEmpty()) {
        out.put(id + "/list", list);
      }
      Map<Integer, String> map = new TreeMap<>();
      for (Map.Entry<Integer, String> e : ((MapState<Integer, String>) b.getPartitionedState(ns, MAP)).entries()) {
        map.put(e.getKey(), e.getValue());
      }
      if (!map.isEmpty()) {
        out.put(id + "/map", map);
      }
      Integer sum = ((ReducingState<Integer>) b.getPartitionedState(ns, SUM)).get();
      if (sum != null) {
        out.put(id + "/sum", sum);
      }
    }
    return out;
  }
}
