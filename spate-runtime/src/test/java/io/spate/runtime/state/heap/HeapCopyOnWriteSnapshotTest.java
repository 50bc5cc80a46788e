package io.spate.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The heap backend's copy-on-write snapshots: when values are copied, and that snapshots written on another thread hold their moment. */
class HeapCopyOnWriteSnapshotTest {

  private final long[] now = {0};

  private HeapKeyedStateBackend<Integer> backend(List<KeyedStateHandle> handles) {
    return new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.INT, 16, new KeyGroupRange(0, 15),
        new Configuration(), "copy-on-write test", () -> now[0], handles, getClass().getClassLoader()));
  }

  private static AsyncSnapshot<KeyedStateHandle> start(HeapKeyedStateBackend<?> backend, long id) throws Exception {
    return backend.snapshot(id, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE));
  }

  @Test
  void aValueIsCopiedOnceWhileASnapshotRunsAndChangedInPlaceOnceItIsWritten() throws Exception {
    HeapKeyedStateBackend<Integer> backend = backend(List.of());
    ListState<Integer> list = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ListStateDescriptor<>("list", Types.INT));
    backend.setCurrentKey(1);
    list.add(1);
    Iterable<Integer> before = list.get();
    assertThat(list.get()).isSameAs(before);

    AsyncSnapshot<KeyedStateHandle> snapshot = start(backend, 1);
    list.add(2);
    Iterable<Integer> copy = list.get();
    assertThat(copy).isNotSameAs(before).containsExactly(1, 2);
    assertThat(before).containsExactly(1); // what the snapshot writes
    assertThat(list.get()).isSameAs(copy);

    snapshot.write();
    assertThat(backend.snapshotVersions().running()).isZero();
    assertThat(backend.snapshotVersions().ownedFrom).isZero();
    AsyncSnapshot<KeyedStateHandle> next = start(backend, 2);
    next.write();
    list.add(3);
    assertThat(list.get()).isSameAs(copy).containsExactly(1, 2, 3);
  }

  /** Collects its inputs; its result is the accumulator itself, so a test can see whether it was copied. */
  private static final class Collect implements AggregateFunction<Integer, List<Integer>, List<Integer>> {
    @Override
    public List<Integer> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Integer> add(Integer value, List<Integer> accumulator) {
      accumulator.add(value);
      return accumulator;
    }

    @Override
    public List<Integer> getResult(List<Integer> accumulator) {
      return accumulator;
    }

    @Override
    public List<Integer> merge(List<Integer> a, List<Integer> b) {
      a.addAll(b);
      return a;
    }
  }

  @Test
  void readingAnAggregateWhileASnapshotRunsCopiesNothingButAddingDoes() throws Exception {
    HeapKeyedStateBackend<Integer> backend = backend(List.of());
    AggregatingState<Integer, List<Integer>> collected = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new AggregatingStateDescriptor<>("collected", new Collect(), Types.LIST(Types.INT)));
    backend.setCurrentKey(1);
    collected.add(1);
    List<Integer> before = collected.get();

    AsyncSnapshot<KeyedStateHandle> snapshot = start(backend, 1);
    assertThat(collected.get()).as("read while the snapshot holds it").isSameAs(before);
    collected.add(2);
    assertThat(collected.get()).isNotSameAs(before).containsExactly(1, 2);
    assertThat(before).as("what the snapshot writes").containsExactly(1);

    HeapKeyedStateBackend<Integer> restored = backend(List.of(snapshot.write()));
    AggregatingState<Integer, List<Integer>> back = restored.getPartitionedState(VoidNamespace.INSTANCE,
        new AggregatingStateDescriptor<>("collected", new Collect(), Types.LIST(Types.INT)));
    restored.setCurrentKey(1);
    assertThat(back.get()).containsExactly(1);
  }

  @Test
  void incrementalCleanupStillFindsAValueThatWasCopiedForASnapshot() throws Exception {
    HeapKeyedStateBackend<Integer> backend = backend(List.of());
    ValueStateDescriptor<Integer> descriptor = new ValueStateDescriptor<>("v", Types.INT);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).updateTtlOnReadAndWrite()
        .cleanupIncrementally(10, false).build());
    ValueState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE, descriptor);
    AbstractTtlHeapState<?, ?, ?> ttl = (AbstractTtlHeapState<?, ?, ?>) state;
    backend.setCurrentKey(1);
    state.update(1);
    AsyncSnapshot<KeyedStateHandle> snapshot = start(backend, 1);
    now[0] = 5;
    assertThat(state.value()).isEqualTo(1); // refreshes the time to live: the stored holder is copied
    snapshot.write();
    now[0] = 100;
    backend.setCurrentKey(2);
    assertThat(state.value()).isNull(); // an access on another key runs the cleanup
    assertThat(backend.getKeys("v", VoidNamespace.INSTANCE)).isEmpty();
    assertThat(ttl.cleanup.trackedEntries()).isZero();
  }

  @Test
  void snapshotsWrittenOnAnotherThreadHoldTheStateOfTheirStartWhileTheTaskChangesIt() throws Exception {
    HeapKeyedStateBackend<Integer> backend = backend(List.of());
    ListState<Integer> list = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ListStateDescriptor<>("list", Types.INT));
    ValueState<Integer> value = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ValueStateDescriptor<>("value", Types.INT));
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      List<Future<KeyedStateHandle>> handles = new ArrayList<>();
      int keys = 2_000;
      int rounds = 6;
      for (int round = 0; round < rounds; round++) {
        for (int key = 0; key < keys; key++) {
          backend.setCurrentKey(key);
          list.add(round);
          value.update(round);
          if (round % 2 == 1 && key % 3 == 0) {
            list.clear(); // removals while an older snapshot may still be written
          }
        }
        AsyncSnapshot<KeyedStateHandle> snapshot = start(backend, round);
        handles.add(CompletableFuture.supplyAsync(() -> {
          try {
            return snapshot.write();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, writer));
      }
      for (int round = 0; round < rounds; round++) {
        HeapKeyedStateBackend<Integer> restored = backend(List.of(handles.get(round).get()));
        ListState<Integer> restoredList = restored.getPartitionedState(VoidNamespace.INSTANCE,
            new ListStateDescriptor<>("list", Types.INT));
        ValueState<Integer> restoredValue = restored.getPartitionedState(VoidNamespace.INSTANCE,
            new ValueStateDescriptor<>("value", Types.INT));
        for (int key = 0; key < keys; key++) {
          restored.setCurrentKey(key);
          assertThat(restoredValue.value()).isEqualTo(round);
          assertThat(restoredList.get()).as("key %s after round %s", key, round)
              .containsExactlyElementsOf(expectedList(key, round));
        }
      }
    } finally {
      writer.shutdownNow();
    }
  }

  /** The list of {@code key} after rounds 0..{@code last}: odd rounds clear every third key after adding. */
  private static List<Integer> expectedList(int key, int last) {
    List<Integer> list = new ArrayList<>();
    for (int round = 0; round <= last; round++) {
      list.add(round);
      if (round % 2 == 1 && key % 3 == 0) {
        list.clear();
      }
    }
    return list;
  }
}
