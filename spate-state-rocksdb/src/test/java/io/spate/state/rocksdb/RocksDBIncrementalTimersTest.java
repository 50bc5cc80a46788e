package io.spate.state.rocksdb;

import io.spate.runtime.timers.Timer;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.checkpoint.storage.FsCheckpointStreamFactory;
import io.spate.runtime.tasks.TaskProcessingTimeService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pending timers in incremental RocksDB checkpoints, with timers in RocksDB or on the heap on
 * either side, on a plain RocksDB or a TtlDB: after a restore at the same key groups or rescaled
 * (1 to 2 and 2 to 1) every pending timer fires exactly once and none that fired before the
 * checkpoint fires again.
 */
class RocksDBIncrementalTimersTest {

  private static final int MAX_PARALLELISM = 16;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final int KEYS = 300;
  private static final ValueStateDescriptor<Integer> VALUE = new ValueStateDescriptor<>("value", Integer.class);

  @TempDir
  Path temp;

  private final List<CheckpointableKeyedStateBackend<String>> backends = new ArrayList<>();
  private final long[] now = {0};
  private int checkpointDirs;

  @AfterEach
  void disposeBackends() {
    backends.forEach(CheckpointableKeyedStateBackend::dispose);
  }

  private CheckpointableKeyedStateBackend<String> backend(PriorityQueueStateType timers, boolean ttlDb, KeyGroupRange range,
      List<KeyedStateHandle> restore) throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, temp.resolve("local").toString())
        .set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, true)
        .set(RocksDBOptions.TTL_COMPACTION_FILTER, ttlDb)
        .set(RocksDBOptions.TIMER_SERVICE_FACTORY, timers);
    CheckpointableKeyedStateBackend<String> backend = new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(
        Types.STRING, MAX_PARALLELISM, range, conf, "job/op (1/1)", System::currentTimeMillis, restore,
        getClass().getClassLoader()));
    backends.add(backend);
    return backend;
  }

  private IncrementalKeyedStateHandle checkpoint(CheckpointableKeyedStateBackend<String> backend, long id) throws Exception {
    Path job = temp.resolve("checkpoints").resolve("job");
    CheckpointStreamFactory streams = new FsCheckpointStreamFactory(
        Files.createDirectories(job.resolve("chk-" + id + "-" + checkpointDirs++)), job.resolve("shared"), 0);
    AsyncSnapshot<KeyedStateHandle> snapshot = backend.snapshot(id, streams);
    KeyedStateHandle handle = snapshot.write();
    assertThat(handle).isInstanceOf(IncrementalKeyedStateHandle.class);
    return (IncrementalKeyedStateHandle) handle;
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

  /** A backend with its timer service (and, if {@code withState}, a value per key, so that state columns exist too). */
  private record Instance(CheckpointableKeyedStateBackend<String> backend, InternalTimerServiceImpl timers, TaskProcessingTimeService clock,
      Fired fired) {}

  private Instance instance(PriorityQueueStateType timers, boolean ttlDb, KeyGroupRange range,
      List<KeyedStateHandle> restore) throws Exception {
    CheckpointableKeyedStateBackend<String> backend = backend(timers, ttlDb, range, restore);
    Fired fired = new Fired();
    TaskProcessingTimeService clock = new TaskProcessingTimeService(() -> now[0]);
    return new Instance(backend, InternalTimerServiceImpl.create("timers", backend, clock, fired), clock, fired);
  }

  private static boolean owns(CheckpointableKeyedStateBackend<String> backend, String key) {
    return backend.getKeyGroupRange().contains(KeyGroupAssignment.keyGroupForHash(Types.STRING.keyHash(key),
        MAX_PARALLELISM));
  }

  /**
   * Sets, for the keys the instance owns, event-time timers in a window and the void namespace and a
   * processing-time timer, and a value; fires the event-time timers at or before 0 (one per key).
   * Returns the timers still pending.
   */
  private static Set<String> setTimers(Instance instance, boolean withState) throws Exception {
    Set<String> pending = new HashSet<>();
    List<String> firedNow = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      String key = "key" + k;
      if (!owns(instance.backend(), key)) {
        continue;
      }
      TimeWindow window = new TimeWindow(0, 100 + k);
      instance.timers().registerEventTimeTimer(key, window, 99 + k);
      instance.timers().registerEventTimeTimer(key, VoidNamespace.INSTANCE, k - KEYS);
      instance.timers().registerEventTimeTimer(key, VoidNamespace.INSTANCE, 10_000 + k);
      instance.timers().registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, 1000 + k);
      if (withState) {
        instance.backend().setCurrentKey(key);
        instance.backend().getPartitionedState(VoidNamespace.INSTANCE, VALUE).update(k);
      }
      pending.add("event " + key + " " + window + " " + (99 + k));
      pending.add("event " + key + " " + VoidNamespace.INSTANCE + " " + (10_000 + k));
      pending.add("processing " + key + " " + VoidNamespace.INSTANCE + " " + (1000 + k));
      firedNow.add("event " + key + " " + VoidNamespace.INSTANCE + " " + (k - KEYS));
    }
    instance.timers().advanceWatermark(0);
    assertThat(instance.fired().fired).containsExactlyInAnyOrderElementsOf(firedNow);
    instance.fired().fired.clear();
    return pending;
  }

  /** Fires every timer of {@code instance}, returns what fired, and checks nothing is left. */
  private List<String> fireAll(Instance instance) throws Exception {
    instance.timers().advanceWatermark(Long.MAX_VALUE);
    now[0] = Long.MAX_VALUE / 2;
    instance.clock().fireDue(now[0]);
    now[0] = 0;
    assertThat(instance.timers().numberOfTimers()).isZero();
    List<String> fired = new ArrayList<>(instance.fired().fired);
    instance.fired().fired.clear();
    return fired;
  }

  static List<Arguments> switches() {
    List<Arguments> cases = new ArrayList<>();
    for (PriorityQueueStateType from : PriorityQueueStateType.values()) {
      for (PriorityQueueStateType to : PriorityQueueStateType.values()) {
        for (boolean ttlDb : new boolean[] {false, true}) {
          cases.add(Arguments.of(from, to, ttlDb));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} to {1}, TtlDB {2}")
  @MethodSource("switches")
  void pendingTimersFireOnceAfterARestoreOfTheSameKeyGroups(PriorityQueueStateType from, PriorityQueueStateType to,
      boolean ttlDb) throws Exception {
    Instance source = instance(from, ttlDb, ALL, List.of());
    Set<String> pending = setTimers(source, true);
    IncrementalKeyedStateHandle first = checkpoint(source.backend(), 1);
    source.backend().notifyCheckpointComplete(1);
    // Changes after a completed checkpoint: the second one references the first one's files.
    source.timers().advanceWatermark(99 + 10);
    for (int k = 0; k <= 10; k++) {
      assertThat(pending.remove("event key" + k + " " + new TimeWindow(0, 100 + k) + " " + (99 + k))).isTrue();
    }
    source.timers().registerEventTimeTimer("late", VoidNamespace.INSTANCE, 20_000);
    pending.add("event late " + VoidNamespace.INSTANCE + " 20000");
    IncrementalKeyedStateHandle second = checkpoint(source.backend(), 2);
    assertThat(second.sharedFiles().keySet()).containsAnyElementsOf(first.sharedFiles().keySet());
    // After the synchronous part: not in the checkpoint.
    source.timers().registerEventTimeTimer("later", VoidNamespace.INSTANCE, 30_000);

    Instance restored = instance(to, ttlDb, ALL, List.of(second));
    assertThat(restored.timers().numberOfTimers()).isEqualTo(pending.size());
    restored.backend().setCurrentKey("key7");
    assertThat(restored.backend().getPartitionedState(VoidNamespace.INSTANCE, VALUE).value()).isEqualTo(7);
    // A checkpoint of the restored instance restores again without its timers doubling or coming back.
    restored.timers().advanceWatermark(99 + 20);
    for (int k = 11; k <= 20; k++) {
      assertThat(pending.remove("event key" + k + " " + new TimeWindow(0, 100 + k) + " " + (99 + k))).isTrue();
    }
    IncrementalKeyedStateHandle third = checkpoint(restored.backend(), 3);
    Instance again = instance(from, ttlDb, ALL, List.of(third));
    List<String> fired = fireAll(again);
    assertThat(fired).hasSize(pending.size()).containsExactlyInAnyOrderElementsOf(pending);
  }

  @ParameterizedTest(name = "{0} to {1}, TtlDB {2}")
  @MethodSource("switches")
  void pendingTimersFireOnceAfterRescalingOneToTwoAndTwoToOne(PriorityQueueStateType from, PriorityQueueStateType to,
      boolean ttlDb) throws Exception {
    Instance one = instance(from, ttlDb, ALL, List.of());
    Set<String> pending = setTimers(one, true);
    IncrementalKeyedStateHandle handle = checkpoint(one.backend(), 1);

    List<KeyedStateHandle> halves = new ArrayList<>();
    int left = 0;
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(MAX_PARALLELISM, 2, subtask);
      Instance half = instance(to, ttlDb, range, List.of(handle));
      left += half.timers().numberOfTimers();
      halves.add(checkpoint(half.backend(), 2));
    }
    assertThat(left).isEqualTo(pending.size());

    Instance merged = instance(from, ttlDb, ALL, halves);
    List<String> fired = fireAll(merged);
    assertThat(fired).hasSize(pending.size()).containsExactlyInAnyOrderElementsOf(pending);
  }

  @Test
  void aCheckpointWithTimersButNoStateRestoresItsTimers() throws Exception {
    Instance source = instance(PriorityQueueStateType.ROCKSDB, false, ALL, List.of());
    Set<String> pending = setTimers(source, false);
    IncrementalKeyedStateHandle handle = checkpoint(source.backend(), 1);
    List<String> fired = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      fired.addAll(fireAll(instance(PriorityQueueStateType.ROCKSDB, false,
          KeyGroupAssignment.rangeForSubtask(MAX_PARALLELISM, 2, subtask), List.of(handle))));
    }
    fired.addAll(fireAll(instance(PriorityQueueStateType.ROCKSDB, false, ALL, List.of(handle))));
    List<String> twice = new ArrayList<>(pending);
    twice.addAll(pending);
    assertThat(fired).containsExactlyInAnyOrderElementsOf(twice);
  }

  @Test
  void timerColumnFamiliesAreNotTakenForStates() {
    assertThat(RocksDBOpener.stateNameOf(RocksDBOpener.timerColumnName("timers", true))).isNull();
    assertThat(RocksDBOpener.stateNameOf(RocksDBOpener.timerColumnName("state/x", false))).isNull();
    assertThat(RocksDBOpener.compactionTtlSecondsOf(RocksDBOpener.timerColumnName("state-ttl/5/x", true))).isZero();
    assertThat(RocksDBOpener.isTimerColumn(RocksDBOpener.timerColumnName("t", false))).isTrue();
    assertThat(RocksDBOpener.isTimerColumn(RocksDBOpener.columnName("timers/event/t", 0))).isFalse();
  }
}
