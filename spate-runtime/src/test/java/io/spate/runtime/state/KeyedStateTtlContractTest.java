package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.operators.state.InternalMergingState;
import io.spate.api.operators.state.VoidNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
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
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of state time-to-live that every backend must meet, on a manual clock: every update
 * type, visibility and state kind, snapshots with and without full-snapshot cleanup, and restores
 * across backends. A backend's test extends this class and says how to create the backend.
 */
public abstract class KeyedStateTtlContractTest {

  private static final long TTL = 10;

  /** The processing time that the backends under test measure time-to-live on. */
  protected long now;
  protected final LongSupplier clock = () -> now;
  private final List<CheckpointableKeyedStateBackend<?>> created = new ArrayList<>();
  private CheckpointableKeyedStateBackend<String> backend;

  /** A backend of the kind under test on {@code clock}, restored from {@code handles} (empty: a new one). */
  protected abstract CheckpointableKeyedStateBackend<String> createBackend(LongSupplier clock, List<KeyedStateHandle> handles)
      throws Exception;

  private CheckpointableKeyedStateBackend<String> newBackend(List<KeyedStateHandle> handles) throws Exception {
    CheckpointableKeyedStateBackend<String> b = createBackend(clock, handles);
    created.add(b);
    return b;
  }

  private CheckpointableKeyedStateBackend<String> newHeapBackend(List<KeyedStateHandle> handles) {
    CheckpointableKeyedStateBackend<String> b = new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.STRING, 128,
        new KeyGroupRange(0, 127), new Configuration(), "heap ttl test", clock, handles, getClass().getClassLoader()));
    created.add(b);
    return b;
  }

  @BeforeEach
  void createDefaultBackend() throws Exception {
    backend = newBackend(List.of());
  }

  @AfterEach
  void disposeBackends() {
    created.forEach(CheckpointableKeyedStateBackend::dispose);
    created.clear();
  }

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

  private static <D extends StateDescriptor<?, ?>> D ttl(D descriptor, StateTtlConfig config) {
    descriptor.enableTimeToLive(config);
    return descriptor;
  }

  private static StateTtlConfig snapshotConfig(boolean cleanupInFullSnapshot) {
    StateTtlConfig.Builder builder = StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground();
    if (cleanupInFullSnapshot) {
      builder.cleanupFullSnapshot();
    }
    return builder.build();
  }

  private static long size(CheckpointableKeyedStateBackend<?> b, String stateName) {
    long[] size = {0};
    b.forEachStateSize((name, entries) -> {
      if (name.equals(stateName)) {
        size[0] = entries;
      }
    });
    return size[0];
  }

  private static KeyedStateHandle snapshot(CheckpointableKeyedStateBackend<?> b) throws Exception {
    return b.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE)).write();
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
    assertThat(size(backend, "v")).isZero();
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
    assertThat(size(backend, "l")).isZero();
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
    state.put("n", null);
    now = 10;
    assertThat(state.isEmpty()).isFalse();
    List<String> keys = new ArrayList<>();
    state.keys().forEach(keys::add);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(
        returnExpired ? List.of("a", "b", "c", "n") : List.of("b", "c", "n"));
    assertThat(state.contains("a")).isFalse();
    assertThat(state.contains("n")).as("a mapping to null is present").isTrue();
    state.remove("n");
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
    assertThat(size(backend, "m")).isZero();
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
    assertThat(size(backend, "v")).isEqualTo(10);
    backend.setCurrentKey("k3");
    assertThat(state.value()).isNull();
    assertThat(size(backend, "v")).isEqualTo(9);
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

  /** The TTL states of every kind, in one backend, registered with {@code config}. */
  private record States(ValueState<String> value, ListState<Integer> list, MapState<String, Integer> map,
      ReducingState<Integer> sum, AggregatingState<Integer, Integer> aggregate) {

    static States of(CheckpointableKeyedStateBackend<String> b, StateTtlConfig config) throws Exception {
      return new States(
          b.getPartitionedState(VoidNamespace.INSTANCE, ttl(new ValueStateDescriptor<>("v", String.class), config)),
          b.getPartitionedState(VoidNamespace.INSTANCE, ttl(new ListStateDescriptor<>("l", Integer.class), config)),
          b.getPartitionedState(VoidNamespace.INSTANCE,
              ttl(new MapStateDescriptor<>("m", String.class, Integer.class), config)),
          b.getPartitionedState(VoidNamespace.INSTANCE,
              ttl(new ReducingStateDescriptor<>("r", Integer::sum, Integer.class), config)),
          b.getPartitionedState(VoidNamespace.INSTANCE, ttl(new AggregatingStateDescriptor<>("a", new Sum(), int[].class),
              config)));
    }

    /** Writes at 0 for key "k", at 0 and 60 for list and map, and at 60 for key "late". */
    void fill(CheckpointableKeyedStateBackend<String> b, LongConsumer setTime) throws Exception {
      setTime.accept(0);
      b.setCurrentKey("k");
      value.update("old");
      list.add(1);
      map.put("early", 1);
      sum.add(1);
      aggregate.add(1);
      setTime.accept(60);
      list.add(2);
      map.put("late", 2);
      b.setCurrentKey("late");
      value.update("new");
      sum.add(5);
      aggregate.add(5);
    }

    /** Checks, at a time when what was written at 0 has expired and what was written at 60 has not. */
    void checkOnlyTheLateWritesAreLeft(CheckpointableKeyedStateBackend<String> b) throws Exception {
      b.setCurrentKey("k");
      assertThat(value.value()).isNull();
      assertThat(list.get()).containsExactly(2);
      Map<String, Integer> entries = new HashMap<>();
      map.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
      assertThat(entries).containsExactly(Map.entry("late", 2));
      assertThat(sum.get()).isNull();
      assertThat(aggregate.get()).isNull();
      b.setCurrentKey("late");
      assertThat(value.value()).isEqualTo("new");
      assertThat(sum.get()).isEqualTo(5);
      assertThat(aggregate.get()).isEqualTo(5);
    }
  }

  /** Writes every kind of TTL state into {@code source}, snapshots it at 60 and restores into {@code target} at 120. */
  private void checkRestore(CheckpointableKeyedStateBackend<String> source, boolean targetIsHeap) throws Exception {
    StateTtlConfig config = snapshotConfig(false);
    States.of(source, config).fill(source, t -> now = t);
    KeyedStateHandle handle = snapshot(source);
    now = 120;
    CheckpointableKeyedStateBackend<String> target = targetIsHeap ? newHeapBackend(List.of(handle)) : newBackend(List.of(handle));
    States.of(target, config).checkOnlyTheLateWritesAreLeft(target);
  }

  @Test
  void lastAccessTimesSurviveSnapshotAndRestore() throws Exception {
    checkRestore(backend, false);
  }

  @Test
  void ttlStateRestoresFromTheHeapBackend() throws Exception {
    checkRestore(newHeapBackend(List.of()), false);
  }

  @Test
  void ttlStateRestoresIntoTheHeapBackend() throws Exception {
    checkRestore(backend, true);
  }

  @Test
  void fullSnapshotCleanupLeavesExpiredValuesListElementsAndMapEntriesOut() throws Exception {
    for (boolean cleanup : new boolean[] {true, false}) {
      CheckpointableKeyedStateBackend<String> source = newBackend(List.of());
      States states = States.of(source, snapshotConfig(cleanup));
      states.fill(source, t -> now = t);
      now = 150; // what was written at 0 has expired, what was written at 60 has not
      KeyedStateHandle handle = snapshot(source);
      now = 0; // as if no time had passed: only the snapshot's cleanup can have removed anything
      for (CheckpointableKeyedStateBackend<String> restored : List.of(newHeapBackend(List.of(handle)), newBackend(List.of(handle)))) {
        States read = States.of(restored, snapshotConfig(cleanup));
        restored.setCurrentKey("k");
        List<Integer> list = new ArrayList<>();
        read.list().get().forEach(list::add);
        List<String> mapKeys = new ArrayList<>();
        read.map().keys().forEach(mapKeys::add);
        assertThat(list).as("cleanup in full snapshot: %s", cleanup).isEqualTo(cleanup ? List.of(2) : List.of(1, 2));
        assertThat(mapKeys).as("cleanup in full snapshot: %s", cleanup)
            .containsExactlyInAnyOrderElementsOf(cleanup ? List.of("late") : List.of("early", "late"));
        for (String state : List.of("v", "r", "a")) {
          assertThat(size(restored, state)).as("%s, cleanup in full snapshot: %s", state, cleanup)
              .isEqualTo(cleanup ? 1L : 2L);
        }
      }
    }
  }

  @Test
  void fullSnapshotCleanupRemovesNothingFromTheRunningState() throws Exception {
    ValueState<String> value = backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", String.class),
            StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground().cleanupFullSnapshot()
                .returnExpiredIfNotCleanedUp().build()));
    backend.setCurrentKey("k");
    value.update("x");
    now = 150;
    snapshot(backend);
    assertThat(value.value()).as("expired but not cleaned up").isEqualTo("x");
  }

  @Test
  void turningTtlOffOrOnForRestoredStateFailsNamingTheState() throws Exception {
    backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("with", String.class), snapshotConfig(false)));
    ValueState<String> without = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ValueStateDescriptor<>("without", String.class));
    backend.setCurrentKey("k");
    backend.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("with", String.class), snapshotConfig(false))).update("x");
    without.update("y");
    KeyedStateHandle handle = snapshot(backend);
    for (boolean heap : new boolean[] {false, true}) {
      CheckpointableKeyedStateBackend<String> restored = heap ? newHeapBackend(List.of(handle)) : newBackend(List.of(handle));
      assertThatThrownBy(() -> restored.getOrCreateState(new ValueStateDescriptor<>("with", String.class)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("'with'")
          .hasMessageContaining("restored with a time-to-live and is now registered without one");
      assertThatThrownBy(() -> restored.getOrCreateState(
          ttl(new ValueStateDescriptor<>("without", String.class), snapshotConfig(false))))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("'without'")
          .hasMessageContaining("restored without a time-to-live and is now registered with one");
    }
  }
}
