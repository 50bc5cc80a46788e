package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import io.spate.runtime.checkpoint.SharedStateRegistry;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.checkpoint.storage.FsCheckpointStreamFactory;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.SnapshottableTimers;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental checkpoints of the RocksDB backend: what they upload, reference, restore and refuse. */
class RocksDBIncrementalCheckpointTest {

  private static final int MAX_PARALLELISM = 16;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final ValueStateDescriptor<Integer> VALUE = new ValueStateDescriptor<>("value", Integer.class);

  @TempDir
  Path temp;

  private final List<CheckpointableKeyedStateBackend<String>> backends = new ArrayList<>();

  @AfterEach
  void disposeBackends() {
    backends.forEach(CheckpointableKeyedStateBackend::dispose);
  }

  private RocksDBKeyedStateBackend<String> backend(KeyGroupRange range, List<KeyedStateHandle> restore)
      throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, temp.resolve("local").toString())
        .set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, true);
    RocksDBKeyedStateBackend<String> backend = (RocksDBKeyedStateBackend<String>) new RocksDBKeyedStateBackendFactory()
        .create(new KeyedStateBackendParameters<>(Types.STRING, MAX_PARALLELISM, range, conf, "job/op (1/1)",
            System::currentTimeMillis, restore, getClass().getClassLoader()));
    backends.add(backend);
    return backend;
  }

  private CheckpointStreamFactory checkpointStreams(long checkpointId) throws IOException {
    Path job = temp.resolve("checkpoints").resolve("job");
    return new FsCheckpointStreamFactory(Files.createDirectories(job.resolve("chk-" + checkpointId)),
        job.resolve("shared"), 0);
  }

  private static void put(CheckpointableKeyedStateBackend<String> backend, int from, int to, int value) throws IOException {
    for (int k = from; k < to; k++) {
      backend.setCurrentKey("key" + k);
      backend.getPartitionedState(VoidNamespace.INSTANCE, VALUE).update(value + k);
    }
  }

  private static Map<String, Integer> read(CheckpointableKeyedStateBackend<String> backend, int keys) throws IOException {
    Map<String, Integer> values = new TreeMap<>();
    for (int k = 0; k < keys; k++) {
      String key = "key" + k;
      int group = KeyGroupAssignment.keyGroupForHash(Types.STRING.keyHash(key), MAX_PARALLELISM);
      if (backend.getKeyGroupRange().contains(group)) {
        backend.setCurrentKey(key);
        Integer v = backend.getPartitionedState(VoidNamespace.INSTANCE, VALUE).value();
        if (v != null) {
          values.put(key, v);
        }
      }
    }
    return values;
  }

  private static Map<String, Integer> expected(int keys, int changedFrom, int changedTo) {
    Map<String, Integer> values = new TreeMap<>();
    for (int k = 0; k < keys; k++) {
      values.put("key" + k, (k >= changedFrom && k < changedTo ? 1000 : 0) + k);
    }
    return values;
  }

  private IncrementalKeyedStateHandle checkpoint(CheckpointableKeyedStateBackend<String> backend, long id) throws Exception {
    KeyedStateHandle handle = backend.snapshot(id, checkpointStreams(id)).write();
    assertThat(handle).isInstanceOf(IncrementalKeyedStateHandle.class);
    return (IncrementalKeyedStateHandle) handle;
  }

  @Test
  void theSecondCheckpointUploadsOnlyNewSstFilesAndReferencesTheOthers() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    put(backend, 0, 2000, 0);
    IncrementalKeyedStateHandle first = checkpoint(backend, 1);
    assertThat(first.sharedFiles()).isNotEmpty();
    assertThat(first.uploadedSharedFiles()).isEqualTo(first.sharedFiles().keySet());
    assertThat(first.privateFiles().keySet()).anyMatch(n -> n.startsWith("MANIFEST")).contains("CURRENT");
    assertThat(first.getCheckpointedSize()).isEqualTo(first.getStateSize());
    backend.notifyCheckpointComplete(1);

    put(backend, 0, 20, 1000);
    IncrementalKeyedStateHandle second = checkpoint(backend, 2);
    assertThat(second.sharedFiles()).containsAllEntriesOf(first.sharedFiles());
    assertThat(second.uploadedSharedFiles()).isNotEmpty().doesNotContainAnyElementsOf(first.sharedFiles().keySet());
    assertThat(second.getCheckpointedSize()).isLessThan(second.getStateSize());
    for (String name : second.uploadedSharedFiles()) {
      assertThat(((FileStateHandle) second.sharedFiles().get(name)).path().getParent())
          .isEqualTo(temp.resolve("checkpoints/job/shared"));
    }

    CheckpointableKeyedStateBackend<String> restored = backend(ALL, List.of(second));
    assertThat(read(restored, 2000)).isEqualTo(expected(2000, 0, 20));
  }

  @Test
  void withoutACompletedCheckpointEverythingIsUploadedAgain() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    put(backend, 0, 100, 0);
    IncrementalKeyedStateHandle first = checkpoint(backend, 1);
    backend.notifyCheckpointAborted(1);
    put(backend, 0, 10, 1000);
    IncrementalKeyedStateHandle second = checkpoint(backend, 2);
    assertThat(second.uploadedSharedFiles()).isEqualTo(second.sharedFiles().keySet());
    assertThat(second.sharedFiles().values()).doesNotContainAnyElementsOf(first.sharedFiles().values());
  }

  @Test
  void savepointsAndCheckpointsInMemoryAreFullSnapshotsInTheCanonicalFormat() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    put(backend, 0, 50, 0);
    Path savepoint = Files.createDirectories(temp.resolve("savepoint"));
    assertThat(backend.snapshot(1, new FsCheckpointStreamFactory(savepoint, 0)).write())
        .isInstanceOf(KeyGroupsStateHandle.class);
    KeyedStateHandle inMemory = backend.snapshot(2, new MemoryCheckpointStreamFactory(1 << 20)).write();
    assertThat(inMemory).isInstanceOf(KeyGroupsStateHandle.class);
    assertThat(read(new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.STRING, MAX_PARALLELISM, ALL,
        new Configuration(), "heap", System::currentTimeMillis, List.of(inMemory), getClass().getClassLoader())), 50))
        .isEqualTo(expected(50, 0, 0));
  }

  @Test
  void rescalingRestoresCopyTheRowsOfEachInstancesKeyGroups() throws Exception {
    RocksDBKeyedStateBackend<String> one = backend(ALL, List.of());
    put(one, 0, 500, 0);
    IncrementalKeyedStateHandle first = checkpoint(one, 1);
    one.notifyCheckpointComplete(1);
    put(one, 100, 150, 1000);
    IncrementalKeyedStateHandle second = checkpoint(one, 2);

    // 1 -> 2
    List<KeyedStateHandle> handles = new ArrayList<>();
    Map<String, Integer> union = new TreeMap<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(MAX_PARALLELISM, 2, subtask);
      RocksDBKeyedStateBackend<String> half = backend(range, List.of(second));
      Map<String, Integer> values = read(half, 500);
      assertThat(values).isNotEmpty();
      union.putAll(values);
      half.notifyCheckpointComplete(2);
      put(half, 0, 500, 5000); // only keys of its range are written: read() filters the same way
      handles.add(half.snapshot(3, checkpointStreams(3)).write());
    }
    assertThat(union).isEqualTo(expected(500, 100, 150));

    // 2 -> 1
    Map<String, Integer> merged = read(backend(ALL, handles), 500);
    Map<String, Integer> expected = new TreeMap<>();
    for (int k = 0; k < 500; k++) {
      expected.put("key" + k, 5000 + k);
    }
    assertThat(merged).isEqualTo(expected);
    assertThat(first.keyGroupRange()).isEqualTo(ALL);
  }

  private static void put(RocksDBKeyedStateBackend<String> backend, int from, int to, int value) throws IOException {
    for (int k = from; k < to; k++) {
      String key = "key" + k;
      if (backend.getKeyGroupRange().contains(KeyGroupAssignment.keyGroupForHash(Types.STRING.keyHash(key),
          MAX_PARALLELISM))) {
        backend.setCurrentKey(key);
        backend.getPartitionedState(VoidNamespace.INSTANCE, VALUE).update(value + k);
      }
    }
  }

  /** A timer service holding a fixed set of timers, recording what a restore sets. */
  private static final class FixedTimers implements SnapshottableTimers {
    final List<String> timers = new ArrayList<>();

    @Override
    public void forEachTimer(TimerVisitor visitor) throws IOException {
      for (String t : timers) {
        String[] parts = t.split("@");
        visitor.visit(parts[0].equals("event"), parts[1], VoidNamespace.INSTANCE, Long.parseLong(parts[2]));
      }
    }

    @Override
    public void restoreTimer(boolean eventTime, Object key, Object namespace, long timestamp) {
      timers.add((eventTime ? "event" : "processing") + "@" + key + "@" + timestamp);
    }
  }

  @Test
  void timersAreKeptInTheIncrementalSnapshot() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    FixedTimers timers = new FixedTimers();
    timers.timers.addAll(List.of("event@key1@100", "processing@key2@200", "event@key3@300"));
    backend.registerTimers("window-timers", timers);
    put(backend, 0, 10, 0);
    IncrementalKeyedStateHandle handle = checkpoint(backend, 1);

    FixedTimers restored = new FixedTimers();
    backend(ALL, List.of(handle)).registerTimers("window-timers", restored);
    assertThat(restored.timers).containsExactlyInAnyOrderElementsOf(timers.timers);

    Set<String> split = new HashSet<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      FixedTimers part = new FixedTimers();
      backend(KeyGroupAssignment.rangeForSubtask(MAX_PARALLELISM, 2, subtask), List.of(handle))
          .registerTimers("window-timers", part);
      split.addAll(part.timers);
    }
    assertThat(split).containsExactlyInAnyOrderElementsOf(timers.timers);
  }

  @Test
  void theHeapBackendRefusesAnIncrementalSnapshotWithAClearMessage() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    put(backend, 0, 10, 0);
    IncrementalKeyedStateHandle handle = checkpoint(backend, 1);
    assertThatThrownBy(() -> new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.STRING,
        MAX_PARALLELISM, ALL, new Configuration(), "heap", System::currentTimeMillis, List.of(handle),
        getClass().getClassLoader())))
        .hasMessageContaining("taken incrementally by the rocksdb backend")
        .hasMessageContaining("restore it with the rocksdb backend")
        .hasMessageContaining("savepoint");
  }

  @Test
  void aMissingSharedFileFailsTheRestoreNamingTheFile() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    put(backend, 0, 100, 0);
    IncrementalKeyedStateHandle handle = checkpoint(backend, 1);
    Path file = ((FileStateHandle) handle.sharedFiles().values().iterator().next()).path();
    Files.delete(file);
    assertThatThrownBy(() -> backend(ALL, List.of(handle)))
        .hasMessageContaining(file.toString()).hasMessageContaining("missing");
    assertThatThrownBy(() -> backend(new KeyGroupRange(0, 7), List.of(handle)))
        .hasMessageContaining(file.toString()).hasMessageContaining("missing");
  }

  @Test
  void aCorruptSharedFileFailsTheRestoreNamingTheFile() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    put(backend, 0, 1000, 0);
    IncrementalKeyedStateHandle handle = checkpoint(backend, 1);
    Path file = ((FileStateHandle) handle.sharedFiles().values().iterator().next()).path();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(raf.length() / 3);
      int b = raf.read();
      raf.seek(raf.length() / 3);
      raf.write(b ^ 0x5a);
    }
    assertThatThrownBy(() -> backend(ALL, List.of(handle)))
        .hasMessageContaining(file.toString()).hasMessageContaining("corrupt");
  }

  @Test
  void withOneRetainedCheckpointOnlyFilesNoRetainedCheckpointReferencesAreDeleted() throws Exception {
    RocksDBKeyedStateBackend<String> backend = backend(ALL, List.of());
    SharedStateRegistry registry = new SharedStateRegistry();
    put(backend, 0, 1000, 0);
    IncrementalKeyedStateHandle first = checkpoint(backend, 1);
    registry.register(1, metadata(1, first), true);
    backend.notifyCheckpointComplete(1);

    put(backend, 0, 1000, 1000); // every key changes: a full compaction leaves none of the first files
    AbstractRocksDBState<?, ?, ?> state = (AbstractRocksDBState<?, ?, ?>) backend.getOrCreateState(VALUE);
    backend.db().compactRange(state.column);
    IncrementalKeyedStateHandle second = checkpoint(backend, 2);
    registry.register(2, metadata(2, second), true);
    backend.notifyCheckpointComplete(2);
    for (StreamStateHandle unreferenced : registry.unregister(1)) {
      unreferenced.discardState();
    }

    Set<Path> obsolete = new HashSet<>();
    first.sharedFiles().values().forEach(h -> obsolete.add(((FileStateHandle) h).path()));
    second.sharedFiles().values().forEach(h -> obsolete.remove(((FileStateHandle) h).path()));
    assertThat(obsolete).isNotEmpty().allMatch(p -> !Files.exists(p));
    assertThat(second.sharedFiles().values()).allMatch(h -> Files.exists(((FileStateHandle) h).path()));
    assertThat(read(backend(ALL, List.of(second)), 1000)).isEqualTo(expected(1000, 0, 1000));
  }

  private static CheckpointMetadata metadata(long id, IncrementalKeyedStateHandle handle) {
    return new CheckpointMetadata(id, 0, CheckpointType.CHECKPOINT, Map.of("op", new OperatorState("op", "op", 1,
        MAX_PARALLELISM, new HashMap<>(Map.of(0, new OperatorSubtaskState(List.of(handle), List.of(), List.of()))),
        null)));
  }
}
