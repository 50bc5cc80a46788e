package io.spate.state.rocksdb;

import io.spate.runtime.timers.Timer;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.heap.HeapKeyedStateBackendFactory;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotReader;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.tasks.TaskProcessingTimeService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Timers snapshotted with one timer store (heap backend, RocksDB backend with heap timers, RocksDB
 * backend with timers in RocksDB) restore with every other, also rescaled, and each pending timer
 * fires after the restore exactly once; the snapshot's timer entries are the same bytes whichever
 * store wrote them.
 */
class TimerSnapshotRoundTripTest {

  /** Where timers live. */
  enum Store { HEAP_BACKEND, ROCKSDB_HEAP_TIMERS, ROCKSDB_TIMERS }

  @TempDir
  Path localDir;

  private final List<CheckpointableKeyedStateBackend<?>> created = new ArrayList<>();
  private final long[] now = {0};

  @AfterEach
  void disposeAll() {
    created.forEach(CheckpointableKeyedStateBackend::dispose);
  }

  private CheckpointableKeyedStateBackend<String> backend(Store store, KeyGroupRange range, List<KeyedStateHandle> handles)
      throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, localDir.toString())
        .set(RocksDBOptions.TIMER_SERVICE_FACTORY,
            store == Store.ROCKSDB_TIMERS ? PriorityQueueStateType.ROCKSDB : PriorityQueueStateType.HEAP);
    KeyedStateBackendParameters<String> p = new KeyedStateBackendParameters<>(Types.STRING, 128, range, conf,
        "test job/op (1/1)", System::currentTimeMillis, handles, getClass().getClassLoader());
    CheckpointableKeyedStateBackend<String> b = store == Store.HEAP_BACKEND
        ? new HeapKeyedStateBackendFactory().create(p) : new RocksDBKeyedStateBackendFactory().create(p);
    created.add(b);
    return b;
  }

  /** Records each fired timer as "event|processing key namespace timestamp". */
  private static final class Fired implements InternalTimerServiceImpl.Target {
    final List<String> fired = new ArrayList<>();

    @Override
    public void onEventTime(Timer timer) {
      fired.add("event " + timer.key() + " " + timer.namespace() + " " + timer.timestamp());
    }

    @Override
    public void onProcessingTime(Timer timer) {
      fired.add("processing " + timer.key() + " " + timer.namespace() + " " + timer.timestamp());
    }
  }

  private InternalTimerServiceImpl timers(CheckpointableKeyedStateBackend<String> b, TaskProcessingTimeService clock, Fired target) {
    return InternalTimerServiceImpl.create("timers", b, clock, target);
  }

  /**
   * Sets 4 timers per key for 300 keys (event time in two namespaces, with a duplicate; processing
   * time; one deleted), fires those at or before 50, and returns the pending ones.
   */
  private Set<String> setTimers(InternalTimerServiceImpl timers) throws Exception {
    Set<String> pending = new HashSet<>();
    for (int k = 0; k < 300; k++) {
      String key = "key" + k;
      TimeWindow window = new TimeWindow(0, 100 + k);
      timers.registerEventTimeTimer(key, window, 99 + k);
      timers.registerEventTimeTimer(key, window, 99 + k);
      timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, k - 300);
      timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, Long.MAX_VALUE - 1);
      timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, 1000 + k);
      timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, 5000);
      timers.deleteProcessingTimeTimer(key, VoidNamespace.INSTANCE, 5000);
      pending.add("event " + key + " " + window + " " + (99 + k));
      pending.add("event " + key + " " + VoidNamespace.INSTANCE + " " + (Long.MAX_VALUE - 1));
      pending.add("processing " + key + " " + VoidNamespace.INSTANCE + " " + (1000 + k));
    }
    return pending;
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("pairs")
  void pendingTimersFireOnceAfterARestoreOnAnyStore(Store from, Store to) throws Exception {
    CheckpointableKeyedStateBackend<String> source = backend(from, new KeyGroupRange(0, 127), List.of());
    Fired before = new Fired();
    InternalTimerServiceImpl timers = timers(source, new TaskProcessingTimeService(() -> now[0]), before);
    Set<String> pending = setTimers(timers);
    timers.advanceWatermark(50);
    List<String> firedBefore = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      firedBefore.add("event key" + k + " " + VoidNamespace.INSTANCE + " " + (k - 300));
    }
    assertThat(before.fired).containsExactlyInAnyOrderElementsOf(firedBefore);
    AsyncSnapshot<KeyedStateHandle> snapshot = source.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE));
    // Between the synchronous part and the writing: changes must not reach the snapshot.
    timers.advanceWatermark(Long.MAX_VALUE - 1);
    timers.registerEventTimeTimer("late", VoidNamespace.INSTANCE, 7);
    KeyedStateHandle handle = snapshot.write();

    List<String> fired = new ArrayList<>();
    int left = 0;
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(128, 2, subtask);
      CheckpointableKeyedStateBackend<String> restored = backend(to, range, List.of(handle));
      Fired after = new Fired();
      TaskProcessingTimeService clock = new TaskProcessingTimeService(() -> now[0]);
      InternalTimerServiceImpl restoredTimers = timers(restored, clock, after);
      left += restoredTimers.numberOfTimers();
      restoredTimers.advanceWatermark(Long.MAX_VALUE - 1);
      now[0] = 10_000;
      clock.fireDue(now[0]);
      now[0] = 0;
      assertThat(restoredTimers.numberOfTimers()).isZero();
      fired.addAll(after.fired);
    }
    assertThat(left).isEqualTo(pending.size());
    assertThat(fired).hasSize(pending.size()).containsExactlyInAnyOrderElementsOf(pending);
  }

  static List<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (Store from : Store.values()) {
      for (Store to : Store.values()) {
        pairs.add(Arguments.of(from, to));
      }
    }
    return pairs;
  }

  @Test
  void everyStoreWritesTheSameTimerEntries() throws Exception {
    List<Set<String>> entries = new ArrayList<>();
    for (Store store : Store.values()) {
      CheckpointableKeyedStateBackend<String> b = backend(store, new KeyGroupRange(0, 127), List.of());
      InternalTimerServiceImpl timers = timers(b, new TaskProcessingTimeService(() -> now[0]), new Fired());
      setTimers(timers);
      timers.advanceWatermark(50);
      entries.add(timerEntries(b.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE)).write()));
    }
    assertThat(entries.get(0)).hasSize(900);
    assertThat(entries.get(1)).isEqualTo(entries.get(0));
    assertThat(entries.get(2)).isEqualTo(entries.get(0));
  }

  /** Every timer entry of a snapshot as "name kind key-group key-bytes value-bytes". */
  private Set<String> timerEntries(KeyedStateHandle handle) throws Exception {
    Set<String> entries = new TreeSet<>();
    KeyedSnapshotReader.restore(List.of(handle), new KeyGroupRange(0, 127), getClass().getClassLoader(),
        new KeyedSnapshotReader.RestoreTarget() {
          @Override
          public void restoreKeySerializer(TypeSerializerSnapshot<?> snapshot) {}

          @Override
          public KeyedSnapshotReader.EntryConsumer restoreState(KeyedStateMetaInfo meta) {
            return (keyGroup, key, value) -> entries.add(meta.name() + " " + meta.kind() + " " + keyGroup + " "
                + HexFormat.of().formatHex(key) + " " + HexFormat.of().formatHex(value));
          }
        });
    return entries;
  }
}
