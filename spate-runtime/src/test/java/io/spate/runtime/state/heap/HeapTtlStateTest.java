package io.spate.runtime.state.heap;

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
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.StateTtlConfig.StateVisibility;
import io.spate.api.state.StateTtlConfig.UpdateType;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.InternalMergingState;
import io.spate.runtime.state.KeyGroupRange;
import io.spate.runtime.state.VoidNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** State time-to-live on the heap backend, on a manual clock: every update type, visibility and state kind. */
class HeapTtlStateTest {

  private static final long TTL = 10;

  private long now;
  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(Types.STRING, 128, new KeyGroupRange(0, 127), () -> now);

  static Stream<Arguments> modes() {
    return Stream.of(UpdateType.OnCreateAndWrite, UpdateType.OnReadAndWrite).flatMap(update ->
        Stream.of(StateVisibility.NeverReturnExpired, StateVisibility.ReturnExpiredIfNotCleanedUp)
            .map(visibility -> Arguments.of(update, visibility)));
  }

  /** Without background cleanup, so that what a read sees depends on the rules alone. */
  private static StateTtlConfig config(UpdateType update, StateVisibility visibility) {
    return StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).setUpdateType(update)
        .setStateVisibility(visibility).disableCleanupInBackground().build();
  }

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

  /** A write, then reads at times chosen so that the update type and the visibility each change what is seen. */
  private interface Probe {
    void write() throws Exception;

    /** What a read sees: the written value, or null for nothing. */
    Object read() throws Exception;
  }

  private void checkLifecycle(UpdateType update, StateVisibility visibility, Object written, Probe probe)
      throws Exception {
    boolean onRead = update == UpdateType.OnReadAndWrite;
    boolean returnExpired = visibility == StateVisibility.ReturnExpiredIfNotCleanedUp;
    now = 100;
    backend.setCurrentKey("k");
    probe.write();
    now = 105;
    assertThat(probe.read()).isEqualTo(written); // alive; refreshed to 105 when reads count
    now = 109;
    assertThat(probe.read()).isEqualTo(written); // still within 10 of the write
    now = 110;
    if (onRead) {
      assertThat(probe.read()).isEqualTo(written); // last read at 109, now refreshed to 110
      now = 119;
      assertThat(probe.read()).isEqualTo(written);
      now = 129;
      assertThat(probe.read()).as("expires exactly ttl after the last read").isEqualTo(returnExpired ? written : null);
    } else {
      assertThat(probe.read()).as("expires exactly ttl after the write").isEqualTo(returnExpired ? written : null);
    }
    assertThat(probe.read()).as("the read of an expired value removed it").isNull();
    backend.setCurrentKey("other");
    assertThat(probe.read()).isNull();
    // A write restarts the time to live under both update types.
    backend.setCurrentKey("k");
    now = 200;
    probe.write();
    now = 208;
    probe.write();
    now = 217;
    assertThat(probe.read()).isEqualTo(written);
  }

  @ParameterizedTest
  @MethodSource("modes")
  void valueState(UpdateType update, StateVisibility visibility) throws Exception {
    ValueState<String> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", String.class), config(update, visibility)));
    checkLifecycle(update, visibility, "x", new Probe() {
      public void write() throws Exception {
        state.update("x");
      }

      public Object read() throws Exception {
        return state.value();
      }
    });
  }

  @ParameterizedTest
  @MethodSource("modes")
  void valueStateFallsBackToTheDefaultOnceExpired(UpdateType update, StateVisibility visibility) throws Exception {
    ValueState<String> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", String.class, "d"), config(update, visibility)));
    backend.setCurrentKey("k");
    state.update("x");
    now = TTL;
    assertThat(state.value()).isEqualTo(visibility == StateVisibility.NeverReturnExpired ? "d" : "x");
    assertThat(state.value()).isEqualTo("d");
    state.update("y");
    state.update(null);
    assertThat(state.value()).isEqualTo("d");
    assertThat(size("v")).isZero();
  }

  @ParameterizedTest
  @MethodSource("modes")
  void listState(UpdateType update, StateVisibility visibility) throws Exception {
    ListState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ListStateDescriptor<>("l", Integer.class), config(update, visibility)));
    checkLifecycle(update, visibility, List.of(1, 2), new Probe() {
      public void write() throws Exception {
        state.update(List.of(1, 2));
      }

      public Object read() throws Exception {
        List<Integer> list = new ArrayList<>();
        state.get().forEach(list::add);
        return list.isEmpty() ? null : list;
      }
    });
  }

  @ParameterizedTest
  @MethodSource("modes")
  void listElementsExpireOneByOne(UpdateType update, StateVisibility visibility) throws Exception {
    ListState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ListStateDescriptor<>("l", Integer.class), config(update, visibility)));
    backend.setCurrentKey("k");
    state.add(1);
    now = 5;
    state.addAll(List.of(2, 3));
    now = 10;
    // 1 expired; 2 and 3 are alive, and refreshed to 10 when reads count.
    assertThat(state.get()).containsExactlyElementsOf(
        visibility == StateVisibility.ReturnExpiredIfNotCleanedUp ? List.of(1, 2, 3) : List.of(2, 3));
    assertThat(state.get()).containsExactly(2, 3);
    state.add(4);
    now = 15;
    assertThat(state.get()).containsExactlyElementsOf(
        update == UpdateType.OnReadAndWrite || visibility == StateVisibility.ReturnExpiredIfNotCleanedUp
            ? List.of(2, 3, 4) : List.of(4));
    now = 100;
    state.get();
    assertThat(state.get()).isEmpty();
    assertThat(size("l")).isZero();
  }

  @ParameterizedTest
  @MethodSource("modes")
  void mapState(UpdateType update, StateVisibility visibility) throws Exception {
    MapState<String, Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new MapStateDescriptor<>("m", String.class, Integer.class), config(update, visibility)));
    checkLifecycle(update, visibility, 7, new Probe() {
      public void write() throws Exception {
        state.put("a", 7);
      }

      public Object read() throws Exception {
        return state.get("a");
      }
    });
  }

  @ParameterizedTest
  @MethodSource("modes")
  void mapContainsAndIterationFollowTheSameRules(UpdateType update, StateVisibility visibility) throws Exception {
    MapState<String, Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new MapStateDescriptor<>("m", String.class, Integer.class), config(update, visibility)));
    checkLifecycle(update, visibility, true, new Probe() {
      public void write() throws Exception {
        state.put("a", 1);
      }

      public Object read() throws Exception {
        return state.contains("a") ? true : null;
      }
    });
    state.clear();
    checkLifecycle(update, visibility, Map.of("a", 1, "b", 2), new Probe() {
      public void write() throws Exception {
        state.putAll(Map.of("a", 1, "b", 2));
      }

      public Object read() throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (Map.Entry<String, Integer> entry : state.entries()) {
          seen.put(entry.getKey(), entry.getValue());
        }
        return seen.isEmpty() ? null : seen;
      }
    });
  }

  @ParameterizedTest
  @MethodSource("modes")
  void mapEntriesExpireOneByOne(UpdateType update, StateVisibility visibility) throws Exception {
    boolean returnExpired = visibility == StateVisibility.ReturnExpiredIfNotCleanedUp;
    MapState<String, Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new MapStateDescriptor<>("m", String.class, Integer.class), config(update, visibility)));
    backend.setCurrentKey("k");
    state.put("a", 1);
    now = 5;
    state.put("b", 2);
    state.put("c", 3);
    now = 10;
    assertThat(state.isEmpty()).isFalse();
    List<String> keys = new ArrayList<>();
    state.keys().forEach(keys::add);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(returnExpired ? List.of("a", "b", "c") : List.of("b", "c"));
    assertThat(state.contains("a")).isFalse();
    List<Integer> values = new ArrayList<>();
    state.values().forEach(values::add);
    assertThat(values).containsExactlyInAnyOrder(2, 3);
    // setValue is a write; remove through the iterator removes from the state.
    for (Iterator<Map.Entry<String, Integer>> it = state.iterator(); it.hasNext(); ) {
      Map.Entry<String, Integer> entry = it.next();
      if (entry.getKey().equals("b")) {
        it.remove();
      } else {
        now = 12;
        entry.setValue(30);
        now = 10;
      }
    }
    now = 21;
    assertThat(state.get("c")).isEqualTo(30);
    assertThat(state.get("b")).isNull();
    now = 40;
    assertThat(state.isEmpty()).isEqualTo(!returnExpired);
    state.iterator().forEachRemaining(e -> { });
    assertThat(state.isEmpty()).isTrue();
    assertThat(size("m")).isZero();
  }

  @ParameterizedTest
  @MethodSource("modes")
  void reducingState(UpdateType update, StateVisibility visibility) throws Exception {
    ReducingState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ReducingStateDescriptor<>("r", Integer::sum, Integer.class), config(update, visibility)));
    checkLifecycle(update, visibility, 5, new Probe() {
      public void write() throws Exception {
        state.clear();
        state.add(2);
        state.add(3);
      }

      public Object read() throws Exception {
        return state.get();
      }
    });
  }

  @ParameterizedTest
  @MethodSource("modes")
  void reducingAddAfterExpiryStartsOverUnlessExpiredValuesAreVisible(UpdateType update, StateVisibility visibility)
      throws Exception {
    ReducingState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ReducingStateDescriptor<>("r", Integer::sum, Integer.class), config(update, visibility)));
    backend.setCurrentKey("k");
    state.add(1);
    now = 10;
    state.add(2);
    assertThat(state.get()).isEqualTo(visibility == StateVisibility.NeverReturnExpired ? 2 : 3);
  }

  /** Sums ints in a mutable accumulator. */
  static final class Sum implements AggregateFunction<Integer, int[], Integer> {
    @Override
    public int[] createAccumulator() {
      return new int[1];
    }

    @Override
    public int[] add(Integer value, int[] acc) {
      acc[0] += value;
      return acc;
    }

    @Override
    public Integer getResult(int[] acc) {
      return acc[0];
    }

    @Override
    public int[] merge(int[] a, int[] b) {
      a[0] += b[0];
      return a;
    }
  }

  @ParameterizedTest
  @MethodSource("modes")
  void aggregatingState(UpdateType update, StateVisibility visibility) throws Exception {
    AggregatingState<Integer, Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new AggregatingStateDescriptor<>("a", new Sum(), int[].class), config(update, visibility)));
    checkLifecycle(update, visibility, 5, new Probe() {
      public void write() throws Exception {
        state.clear();
        state.add(2);
        state.add(3);
      }

      public Object read() throws Exception {
        return state.get();
      }
    });
    now = 1000;
    state.add(4);
    assertThat(state.get()).isEqualTo(visibility == StateVisibility.NeverReturnExpired ? 4 : 9);
  }

  @Test
  @SuppressWarnings("unchecked")
  void mergingNamespacesDropsExpiredValuesAndKeepsListElementTimes() throws Exception {
    StateTtlConfig config = config(UpdateType.OnCreateAndWrite, StateVisibility.NeverReturnExpired);
    ReducingState<Integer> sum = backend.getPartitionedState("w1",
        ttl(new ReducingStateDescriptor<>("r", Integer::sum, Integer.class), config));
    ListState<Integer> list = backend.getPartitionedState("w1", ttl(new ListStateDescriptor<>("l", Integer.class), config));
    backend.setCurrentKey("k");
    sum.add(1);
    list.add(1);
    now = 5;
    backend.getPartitionedState("w2", ttl(new ReducingStateDescriptor<>("r", Integer::sum, Integer.class), config)).add(2);
    backend.getPartitionedState("w2", ttl(new ListStateDescriptor<>("l", Integer.class), config)).add(2);
    now = 10;
    ((InternalMergingState<String>) sum).mergeNamespaces("w3", List.of("w1", "w2"));
    ((InternalMergingState<String>) list).mergeNamespaces("w3", List.of("w1", "w2"));
    assertThat(backend.getPartitionedState("w3", ttl(new ReducingStateDescriptor<>("r", Integer::sum, Integer.class), config)).get())
        .isEqualTo(2);
    assertThat(backend.getPartitionedState("w3", ttl(new ListStateDescriptor<>("l", Integer.class), config)).get())
        .containsExactly(2);
    now = 15;
    assertThat(backend.getPartitionedState("w3", ttl(new ListStateDescriptor<>("l", Integer.class), config)).get())
        .isEmpty();
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
  void withoutBackgroundCleanupOnlyReadsRemoveExpiredEntries() throws Exception {
    ValueState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", Integer.class),
            StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).disableCleanupInBackground().build()));
    for (int i = 0; i < 10; i++) {
      backend.setCurrentKey("k" + i);
      state.update(i);
    }
    now = 50;
    for (int i = 0; i < 10; i++) {
      backend.setCurrentKey("other" + i);
      state.value();
    }
    assertThat(size("v")).isEqualTo(10);
    backend.setCurrentKey("k3");
    assertThat(state.value()).isNull();
    assertThat(size("v")).isEqualTo(9);
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
  void theSameNameWithAnotherTtlIsAnError() {
    backend.getOrCreateState(ttl(new ValueStateDescriptor<>("v", Integer.class),
        StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).build()));
    backend.getOrCreateState(ttl(new ValueStateDescriptor<>("v", Integer.class),
        StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).build()));
    assertThatThrownBy(() -> backend.getOrCreateState(new ValueStateDescriptor<>("v", Integer.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'v'").hasMessageContaining("disabled");
    assertThatThrownBy(() -> backend.getOrCreateState(ttl(new ValueStateDescriptor<>("v", Integer.class),
        StateTtlConfig.newBuilder(Duration.ofMillis(TTL + 1)).build())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("PT0.011S");
  }

  @Test
  void statesWithoutTtlAreNotWrapped() {
    assertThat((Object) backend.getOrCreateState(new ValueStateDescriptor<>("plain", Integer.class)))
        .isInstanceOf(HeapValueState.class);
    assertThat((Object) backend.getOrCreateState(new MapStateDescriptor<>("plainMap", String.class, Integer.class)))
        .isInstanceOf(HeapMapState.class);
  }
}
