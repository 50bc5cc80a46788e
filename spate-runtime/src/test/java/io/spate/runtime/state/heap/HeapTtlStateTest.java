package io.spate.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.operators.state.VoidNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What is particular to state time-to-live on the heap backend: incremental cleanup. The rules every
 * backend follows are in {@link io.spate.runtime.state.KeyedStateTtlContractTest}.
 */
class HeapTtlStateTest {

  private static final long TTL = 10;

  private long now;
  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(Types.STRING, 128, new KeyGroupRange(0, 127), () -> now);

  private <D extends StateDescriptor<?, ?>> D ttl(D descriptor, StateTtlConfig config) {
    descriptor.enableTimeToLive(config);
    return descriptor;
  }

  private long size(String stateName) {
    long[] size = {0};
    backend.forEachStateSize((name, entries) -> {
      if (name.equals(stateName)) {
        size[0] = entries;
      }
    });
    return size[0];
  }

  @Test
  void incrementalCleanupOnAccessFreesExpiredEntriesOfOtherKeys() throws Exception {
    ValueState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", Integer.class),
            StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).cleanupIncrementally(10, false).build()));
    for (int i = 0; i < 100; i++) {
      backend.setCurrentKey("k" + i);
      state.update(i);
    }
    now = 5;
    backend.setCurrentKey("fresh");
    state.update(-1);
    assertThat(size("v")).isEqualTo(101);
    now = 10;
    backend.setCurrentKey("reader");
    state.value();
    assertThat(size("v")).as("one access checks ten entries").isEqualTo(91);
    for (int i = 0; i < 20; i++) {
      state.value();
    }
    assertThat(size("v")).as("only the unexpired entry is left").isEqualTo(1);
    backend.setCurrentKey("fresh");
    assertThat(state.value()).isEqualTo(-1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void incrementalCleanupPrunesExpiredElementsInsideListsAndMaps() throws Exception {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).cleanupIncrementally(100, false).build();
    ListState<Integer> list = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ListStateDescriptor<>("l", Integer.class), config));
    MapState<String, Integer> map = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new MapStateDescriptor<>("m", String.class, Integer.class), config));
    backend.setCurrentKey("old");
    list.add(1);
    map.put("a", 1);
    backend.setCurrentKey("mixed");
    list.add(1);
    map.put("a", 1);
    now = 5;
    list.add(2);
    map.put("b", 2);
    now = 10;
    backend.setCurrentKey("reader");
    list.get();
    map.get("x");
    assertThat(size("l")).isEqualTo(1);
    assertThat(size("m")).isEqualTo(1);
    // Look at the storage directly: a read would remove expired entries itself.
    backend.setCurrentKey("mixed");
    Map<String, ?> stored = (Map<String, ?>) ((AbstractHeapState<String, Object, ?>) (Object) map).table
        .get(backend.getCurrentKeyGroup(), "mixed", VoidNamespace.INSTANCE);
    assertThat(stored).containsOnlyKeys("b");
    List<?> storedList = (List<?>) ((AbstractHeapState<String, Object, ?>) (Object) list).table
        .get(backend.getCurrentKeyGroup(), "mixed", VoidNamespace.INSTANCE);
    assertThat(storedList).hasSize(1);
  }

  @Test
  void cleanupForEveryRecordRunsWhenTheKeyIsSet() throws Exception {
    ValueState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", Integer.class),
            StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).cleanupIncrementally(3, true).build()));
    for (int i = 0; i < 9; i++) {
      backend.setCurrentKey("k" + i);
      state.update(i);
    }
    now = 50;
    backend.setCurrentKey("a");
    assertThat(size("v")).isEqualTo(6);
    backend.setCurrentKey("b");
    backend.setCurrentKey("c");
    assertThat(size("v")).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void cleanupBookkeepingStaysBoundedWhenEntriesAreRecreatedOverAndOver() throws Exception {
    TtlHeapValueState<String, Object, Integer> state = (TtlHeapValueState<String, Object, Integer>)
        (Object) backend.getPartitionedState(VoidNamespace.INSTANCE, ttl(new ValueStateDescriptor<>("v", Integer.class),
            StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).cleanupIncrementally(1, false).build()));
    for (int i = 0; i < 100; i++) {
      backend.setCurrentKey("live" + i);
      state.update(i);
    }
    for (int i = 0; i < 10_000; i++) {
      backend.setCurrentKey("churn" + (i % 7));
      state.update(i);
      state.clear();
    }
    assertThat(state.cleanup.trackedEntries()).isLessThan(300);
  }

  @Test
  void statesWithoutTtlAreNotWrapped() {
    assertThat((Object) backend.getOrCreateState(new ValueStateDescriptor<>("plain", Integer.class)))
        .isInstanceOf(HeapValueState.class);
    assertThat((Object) backend.getOrCreateState(new MapStateDescriptor<>("plainMap", String.class, Integer.class)))
        .isInstanceOf(HeapMapState.class);
  }
}
