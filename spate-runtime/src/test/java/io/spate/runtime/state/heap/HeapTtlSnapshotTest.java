package io.spate.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.KeyGroupRange;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.VoidNamespace;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TTL state through snapshots: last-access times survive, and full-snapshot cleanup drops expired entries. */
class HeapTtlSnapshotTest {

  private final long[] now = {0};

  private HeapKeyedStateBackend<String> backend(List<KeyedStateHandle> handles) {
    return new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.STRING, 128, new KeyGroupRange(0, 127),
        new Configuration(), "ttl test", () -> now[0], handles, getClass().getClassLoader()));
  }

  private static KeyedStateHandle snapshot(HeapKeyedStateBackend<?> b) throws Exception {
    return b.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE)).write();
  }

  private static <D extends io.spate.api.state.StateDescriptor<?, ?>> D withTtl(D descriptor, boolean fullSnapshot) {
    StateTtlConfig.Builder ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground();
    if (fullSnapshot) {
      ttl.cleanupFullSnapshot();
    }
    descriptor.enableTimeToLive(ttl.build());
    return descriptor;
  }

  @Test
  void lastAccessTimesSurviveSnapshotAndRestore() throws Exception {
    HeapKeyedStateBackend<String> b = backend(List.of());
    ValueState<String> value = b.getPartitionedState(VoidNamespace.INSTANCE, withTtl(new ValueStateDescriptor<>("v", String.class), false));
    ListState<Integer> list = b.getPartitionedState(VoidNamespace.INSTANCE, withTtl(new ListStateDescriptor<>("l", Integer.class), false));
    MapState<String, Integer> map = b.getPartitionedState(VoidNamespace.INSTANCE,
        withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), false));
    b.setCurrentKey("k");
    value.update("old");
    list.add(1);
    map.put("early", 1);
    now[0] = 60;
    list.add(2);
    map.put("late", 2);
    KeyedStateHandle handle = snapshot(b);

    now[0] = 120; // the entries written at 0 have expired, those written at 60 have not
    HeapKeyedStateBackend<String> restored = backend(List.of(handle));
    ValueState<String> v = restored.getPartitionedState(VoidNamespace.INSTANCE, withTtl(new ValueStateDescriptor<>("v", String.class), false));
    ListState<Integer> l = restored.getPartitionedState(VoidNamespace.INSTANCE, withTtl(new ListStateDescriptor<>("l", Integer.class), false));
    MapState<String, Integer> m = restored.getPartitionedState(VoidNamespace.INSTANCE,
        withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), false));
    restored.setCurrentKey("k");
    assertThat(v.value()).isNull();
    assertThat(l.get()).containsExactly(2);
    Map<String, Integer> entries = new HashMap<>();
    m.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
    assertThat(entries).containsExactly(Map.entry("late", 2));
  }

  @Test
  void fullSnapshotCleanupLeavesExpiredEntriesOut() throws Exception {
    for (boolean cleanup : new boolean[] {true, false}) {
      now[0] = 0;
      HeapKeyedStateBackend<String> b = backend(List.of());
      ValueState<String> value = b.getPartitionedState(VoidNamespace.INSTANCE,
          withTtl(new ValueStateDescriptor<>("v", String.class), cleanup));
      b.setCurrentKey("expires");
      value.update("x");
      now[0] = 80;
      b.setCurrentKey("stays");
      value.update("y");
      now[0] = 150;
      HeapKeyedStateBackend<String> restored = backend(List.of(snapshot(b)));
      restored.getPartitionedState(VoidNamespace.INSTANCE, withTtl(new ValueStateDescriptor<>("v", String.class), cleanup));
      Map<String, Long> sizes = new HashMap<>();
      restored.forEachStateSize(sizes::put);
      assertThat(sizes).as("cleanup in full snapshot: %s", cleanup).containsEntry("v", cleanup ? 1L : 2L);
    }
  }
}
