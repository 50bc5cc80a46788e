package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.operators.state.InternalKvState;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.api.operators.state.OwnedValueStateDescriptor;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Engine-owned value state on RocksDB ({@link OwnedValueStateDescriptor}), cached as objects: random
 * updates, in-place changes, clears and reads against a model, a snapshot part way, and a restore of
 * that snapshot, for cache sizes from none to more than the rows.
 */
class RocksDBOwnedValueStateProperties {

  private static final OwnedValueStateDescriptor<long[]> OWNED = new OwnedValueStateDescriptor<>("owned", long[].class);

  /** Update with a new array, add to the stored array in place and update with it, clear, or read. */
  record Op(int kind, int key, long namespace, long value) {}

  private static Gen<List<Op>> ops() {
    Gen<Op> op = SourceDSL.integers().between(0, 3).zip(SourceDSL.integers().between(0, 7),
        SourceDSL.longs().between(0, 2), SourceDSL.longs().between(-9, 9), Op::new);
    return SourceDSL.lists().of(op).ofSizeBetween(0, 120);
  }

  private static CheckpointableKeyedStateBackend<String> backend(int cacheEntries, List<KeyedStateHandle> restore) throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.WRITE_BACK_CACHE_ENTRIES, cacheEntries)
        .set(RocksDBOptions.LOCAL_DIRECTORY,
            Path.of(System.getProperty("java.io.tmpdir"), "rocksdb-owned-value").toString());
    return new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(Types.STRING, 16,
        new KeyGroupRange(0, 15), conf, "owned value test", System::currentTimeMillis, restore,
        RocksDBOwnedValueStateProperties.class.getClassLoader()));
  }

  @SuppressWarnings("unchecked")
  private static ValueState<long[]> at(CheckpointableKeyedStateBackend<String> b, int key, long namespace) {
    b.setCurrentKey("k" + key);
    ValueState<long[]> state = b.getOrCreateState(OWNED);
    ((InternalKvState<Long>) (InternalKvState<?>) state).setCurrentNamespace(namespace);
    return state;
  }

  @Test
  void behavesLikeAMapOfObjectsAcrossASnapshot() {
    // Each try opens two RocksDB backends, and so does each step of shrinking: a bounded shrink reports
    // a failure well within the 90-second limit on a test.
    qt().withExamples(80).withShrinkCycles(150).forAll(ops(), SourceDSL.integers().between(0, 40)).checkAssert((ops, cacheEntries) -> {
      try {
        behavesLikeAMapOfObjects(ops, cacheEntries);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void behavesLikeAMapOfObjects(List<Op> ops, int cacheEntries) throws Exception {
    Map<String, Long> model = new HashMap<>();
    CheckpointableKeyedStateBackend<String> source = backend(cacheEntries, List.of());
    CheckpointableKeyedStateBackend<String> restored = null;
    try {
      KeyedStateHandle handle = null;
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        ValueState<long[]> state = at(source, op.key(), op.namespace());
        String id = op.key() + "/" + op.namespace();
        switch (op.kind()) {
          case 0 -> {
            state.update(new long[] {op.value()});
            model.put(id, op.value());
          }
          case 1 -> {
            long[] stored = state.value();
            if (stored != null) {
              stored[0] += op.value(); // the engine's pattern: change what it read, then update
              state.update(stored);
              model.put(id, model.get(id) + op.value());
            }
          }
          case 2 -> {
            state.clear();
            model.remove(id);
          }
          default -> {
            long[] stored = state.value();
            assertThat(stored == null ? null : stored[0]).as(id).isEqualTo(model.get(id));
          }
        }
        if (i == ops.size() / 2) {
          handle = source.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE)).write();
        }
      }
      Map<String, Long> atSnapshotEnd = new HashMap<>(model);
      handle = source.snapshot(2, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE)).write();
      assertThat(new TreeSet<>(source.getKeys("owned", 1L).toList()))
          .isEqualTo(keysIn(atSnapshotEnd, 1L));
      restored = backend(cacheEntries, handle == null ? List.of() : List.of(handle));
      for (int key = 0; key < 8; key++) {
        for (long ns = 0; ns < 3; ns++) {
          long[] value = at(restored, key, ns).value();
          assertThat(value == null ? null : value[0]).as(key + "/" + ns).isEqualTo(atSnapshotEnd.get(key + "/" + ns));
        }
      }
    } finally {
      source.dispose();
      if (restored != null) {
        restored.dispose();
      }
    }
  }

  private static TreeSet<String> keysIn(Map<String, Long> model, long namespace) {
    TreeSet<String> keys = new TreeSet<>();
    model.keySet().stream().filter(id -> id.endsWith("/" + namespace))
        .forEach(id -> keys.add("k" + id.substring(0, id.indexOf('/'))));
    return keys;
  }

  /** A plain value state still reads copies on RocksDB; an owned one reads the cached object itself. */
  @Test
  void onlyOwnedStateReadsTheStoredObject() throws Exception {
    CheckpointableKeyedStateBackend<String> b = backend(16, List.of());
    try {
      b.setCurrentKey("k");
      ValueState<long[]> plain = b.getPartitionedState(1L, new ValueStateDescriptor<>("plain", long[].class));
      ValueState<long[]> owned = at(b, 0, 1L);
      long[] p = {1};
      long[] o = {1};
      plain.update(p);
      owned.update(o);
      assertThat(plain.value()).isNotSameAs(p).containsExactly(1);
      assertThat(owned.value()).isSameAs(o);
    } finally {
      b.dispose();
    }
  }
}
