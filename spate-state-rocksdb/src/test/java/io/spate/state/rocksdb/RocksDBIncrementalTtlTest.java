package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.checkpoint.storage.FsCheckpointStreamFactory;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocksdb.TtlDB;

/**
 * TTL state in incremental RocksDB checkpoints, with the database opened as a plain RocksDB and as a
 * TtlDB ({@code state.backend.rocksdb.ttl.compaction-filter.enabled}): restores at the same key
 * groups (the database opens on the checkpoint's files) and rescales (rows are copied out of them)
 * keep every value's last-access time, so what had expired stays expired on the manual clock.
 *
 * <p>The TTL is an hour, so TtlDB's compaction (on the system clock) cannot drop anything meanwhile.
 */
class RocksDBIncrementalTtlTest {

  private static final int MAX_PARALLELISM = 16;
  private static final int KEYS = 60;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final KeyGroupRange LOWER = new KeyGroupRange(0, 7);
  private static final KeyGroupRange UPPER = new KeyGroupRange(8, MAX_PARALLELISM - 1);
  private static final long MINUTE = 60_000;
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir
  Path temp;

  private long now;
  private final List<RocksDBKeyedStateBackend<String>> backends = new ArrayList<>();

  @AfterEach
  void disposeBackends() {
    backends.forEach(RocksDBKeyedStateBackend::dispose);
  }

  private RocksDBKeyedStateBackend<String> backend(boolean ttlDb, KeyGroupRange range, List<KeyedStateHandle> restore)
      throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, temp.resolve("local").toString())
        .set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, true)
        .set(RocksDBOptions.TTL_COMPACTION_FILTER, ttlDb);
    RocksDBKeyedStateBackend<String> backend = (RocksDBKeyedStateBackend<String>) new RocksDBKeyedStateBackendFactory()
        .create(new KeyedStateBackendParameters<>(Types.STRING, MAX_PARALLELISM, range, conf, "job/ttl (1/1)",
            () -> now, restore, getClass().getClassLoader()));
    backends.add(backend);
    return backend;
  }

  private IncrementalKeyedStateHandle checkpoint(RocksDBKeyedStateBackend<String> backend, long id) throws Exception {
    Path job = temp.resolve("checkpoints").resolve("job");
    FsCheckpointStreamFactory streams = new FsCheckpointStreamFactory(
        Files.createDirectories(job.resolve("chk-" + id)), job.resolve("shared"), 0);
    KeyedStateHandle handle = backend.snapshot(id, streams).write();
    assertThat(handle).isInstanceOf(IncrementalKeyedStateHandle.class);
    backend.notifyCheckpointComplete(id);
    return (IncrementalKeyedStateHandle) handle;
  }

  private static StateTtlConfig ttl(Duration duration) {
    // Full-snapshot cleanup does not apply to incremental checkpoints: expired rows are in the files.
    return StateTtlConfig.newBuilder(duration).cleanupFullSnapshot().build();
  }

  private static <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, Duration duration) {
    descriptor.enableTimeToLive(ttl(duration));
    return descriptor;
  }

  /** The states of one backend: three with the given TTL and one without. */
  private record States(ValueState<String> value, ListState<Integer> list, MapState<String, Integer> map,
      ValueState<String> plain) {

    static States of(RocksDBKeyedStateBackend<String> backend, Duration ttl) throws Exception {
      return new States(
          backend.getPartitionedState(VoidNamespace.INSTANCE, withTtl(new ValueStateDescriptor<>("value", String.class), ttl)),
          backend.getPartitionedState(VoidNamespace.INSTANCE, withTtl(new ListStateDescriptor<>("list", Integer.class), ttl)),
          backend.getPartitionedState(VoidNamespace.INSTANCE,
              withTtl(new MapStateDescriptor<>("map", String.class, Integer.class), ttl)),
          backend.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("plain", String.class)));
    }
  }

  /** What one key's states read. */
  private record Row(String value, List<Integer> list, Map<String, Integer> map, String plain) {}

  private static boolean owns(RocksDBKeyedStateBackend<String> backend, String key) {
    return backend.getKeyGroupRange().contains(KeyGroupAssignment.keyGroupForHash(Types.STRING.keyHash(key),
        MAX_PARALLELISM));
  }

  /**
   * At minute 0 every key gets value "old", list element 0, map entry old=0 and plain "p"; at minute
   * 30 keys below 25 get value "new", every key list element 30 and map entry new=30 (checkpoint 1);
   * at minute 70 keys from 40 get value "late" (checkpoint 2, returned).
   */
  private IncrementalKeyedStateHandle fillAndCheckpoint(RocksDBKeyedStateBackend<String> backend) throws Exception {
    States states = States.of(backend, HOUR);
    now = 0;
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey("k" + k);
      states.value().update("old");
      states.list().add(0);
      states.map().put("old", 0);
      states.plain().update("p");
    }
    now = 30 * MINUTE;
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey("k" + k);
      if (k < 25) {
        states.value().update("new");
      }
      states.list().add(30);
      states.map().put("new", 30);
    }
    checkpoint(backend, 1);
    now = 70 * MINUTE;
    for (int k = 40; k < KEYS; k++) {
      backend.setCurrentKey("k" + k);
      states.value().update("late");
    }
    return checkpoint(backend, 2);
  }

  /** What {@link #fillAndCheckpoint} left readable at {@code minute} in {@code range}, with a TTL of {@code ttlMinutes}. */
  private static Map<String, Row> expected(KeyGroupRange range, long minute, long ttlMinutes) {
    Map<String, Row> rows = new TreeMap<>();
    for (int k = 0; k < KEYS; k++) {
      String key = "k" + k;
      if (!range.contains(KeyGroupAssignment.keyGroupForHash(Types.STRING.keyHash(key), MAX_PARALLELISM))) {
        continue;
      }
      String value = k >= 40 ? "late" : k < 25 ? "new" : "old";
      long written = k >= 40 ? 70 : k < 25 ? 30 : 0;
      List<Integer> list = new ArrayList<>();
      Map<String, Integer> map = new HashMap<>();
      if (minute < ttlMinutes) {
        list.add(0);
        map.put("old", 0);
      }
      if (minute < 30 + ttlMinutes) {
        list.add(30);
        map.put("new", 30);
      }
      rows.put(key, new Row(minute < written + ttlMinutes ? value : null, list, map, "p"));
    }
    return rows;
  }

  private Map<String, Row> readAt(RocksDBKeyedStateBackend<String> backend, long minute, Duration ttl)
      throws Exception {
    now = minute * MINUTE;
    States states = States.of(backend, ttl);
    Map<String, Row> rows = new TreeMap<>();
    for (int k = 0; k < KEYS; k++) {
      String key = "k" + k;
      if (!owns(backend, key)) {
        continue;
      }
      backend.setCurrentKey(key);
      List<Integer> list = new ArrayList<>();
      Iterable<Integer> elements = states.list().get();
      if (elements != null) {
        elements.forEach(list::add);
      }
      Map<String, Integer> map = new HashMap<>();
      for (Map.Entry<String, Integer> e : states.map().entries()) {
        map.put(e.getKey(), e.getValue());
      }
      rows.put(key, new Row(states.value().value(), list, map, states.plain().value()));
    }
    return rows;
  }

  private static int compactionTtlSeconds(Object state) {
    return RocksDBOpener.compactionTtlSecondsOf(((AbstractRocksDBState<?, ?, ?>) state).column);
  }

  @ParameterizedTest(name = "TtlDB: {0}")
  @ValueSource(booleans = {false, true})
  void aRestoreAtTheSameKeyGroupsKeepsLastAccessTimes(boolean ttlDb) throws Exception {
    RocksDBKeyedStateBackend<String> source = backend(ttlDb, ALL, List.of());
    IncrementalKeyedStateHandle second = fillAndCheckpoint(source);
    assertThat(second.uploadedSharedFiles()).as("the second checkpoint references the first one's files")
        .isNotEqualTo(second.sharedFiles().keySet());

    RocksDBKeyedStateBackend<String> restored = backend(ttlDb, ALL, List.of(second));
    assertThat(restored.db() instanceof TtlDB).isEqualTo(ttlDb);
    assertThat(readAt(restored, 75, HOUR)).isEqualTo(expected(ALL, 75, 60));
    assertThat(compactionTtlSeconds(States.of(restored, HOUR).value())).isEqualTo(ttlDb ? 3600 : 0);
    assertThat(readAt(restored, 95, HOUR)).isEqualTo(expected(ALL, 95, 60));

    // The restored database checkpoints and restores again, its files now written by two backends.
    backend(ttlDb, ALL, List.of(checkpoint(restored, 3)));
    RocksDBKeyedStateBackend<String> again = backends.get(backends.size() - 1);
    assertThat(readAt(again, 95, HOUR)).isEqualTo(expected(ALL, 95, 60));
    assertThat(readAt(again, 131, HOUR)).allSatisfy((key, row) -> assertThat(row.value()).isNull());
  }

  @ParameterizedTest(name = "TtlDB: {0}")
  @ValueSource(booleans = {false, true})
  void aRescaleCopiesRowsWithTheirLastAccessTimes(boolean ttlDb) throws Exception {
    IncrementalKeyedStateHandle whole = fillAndCheckpoint(backend(ttlDb, ALL, List.of()));

    RocksDBKeyedStateBackend<String> lower = backend(ttlDb, LOWER, List.of(whole));
    RocksDBKeyedStateBackend<String> upper = backend(ttlDb, UPPER, List.of(whole));
    assertThat(lower.db() instanceof TtlDB).isEqualTo(ttlDb);
    assertThat(readAt(lower, 75, HOUR)).isNotEmpty().isEqualTo(expected(LOWER, 75, 60));
    assertThat(readAt(upper, 75, HOUR)).isNotEmpty().isEqualTo(expected(UPPER, 75, 60));

    RocksDBKeyedStateBackend<String> merged = backend(ttlDb, ALL, List.of(checkpoint(lower, 3), checkpoint(upper, 3)));
    assertThat(readAt(merged, 80, HOUR)).isEqualTo(expected(ALL, 80, 60));
    assertThat(compactionTtlSeconds(States.of(merged, HOUR).list())).isEqualTo(ttlDb ? 3600 : 0);
    assertThat(readAt(merged, 95, HOUR)).isEqualTo(expected(ALL, 95, 60));
  }

  @ParameterizedTest(name = "TtlDB before: {0}")
  @ValueSource(booleans = {false, true})
  void turningTheCompactionFilterOnOrOffRestoresIntoTheConfiguredKindOfDatabase(boolean ttlDbBefore)
      throws Exception {
    IncrementalKeyedStateHandle handle = fillAndCheckpoint(backend(ttlDbBefore, ALL, List.of()));

    RocksDBKeyedStateBackend<String> restored = backend(!ttlDbBefore, ALL, List.of(handle));
    assertThat(restored.db() instanceof TtlDB).isEqualTo(!ttlDbBefore);
    assertThat(readAt(restored, 75, HOUR)).isEqualTo(expected(ALL, 75, 60));
    assertThat(compactionTtlSeconds(States.of(restored, HOUR).map())).isEqualTo(ttlDbBefore ? 0 : 3600);
  }

  @ParameterizedTest(name = "TtlDB: {0}")
  @ValueSource(booleans = {false, true})
  void aLongerTtlAfterTheRestoreAppliesToTheRestoredLastAccessTimes(boolean ttlDb) throws Exception {
    IncrementalKeyedStateHandle handle = fillAndCheckpoint(backend(ttlDb, ALL, List.of()));

    RocksDBKeyedStateBackend<String> restored = backend(ttlDb, ALL, List.of(handle));
    Duration twoHours = Duration.ofHours(2);
    assertThat(readAt(restored, 110, twoHours)).isEqualTo(expected(ALL, 110, 120));
    assertThat(compactionTtlSeconds(States.of(restored, twoHours).value())).isEqualTo(ttlDb ? 7200 : 0);
    assertThat(readAt(restored, 125, twoHours)).isEqualTo(expected(ALL, 125, 120));
  }

  @ParameterizedTest(name = "TtlDB: {0}")
  @ValueSource(booleans = {false, true})
  void turningTtlOffOrOnForStateRestoredFromAnIncrementalCheckpointFailsNamingTheState(boolean ttlDb)
      throws Exception {
    IncrementalKeyedStateHandle handle = fillAndCheckpoint(backend(ttlDb, ALL, List.of()));

    for (KeyGroupRange range : List.of(ALL, LOWER)) { // opened on the files, and rows copied out of them
      RocksDBKeyedStateBackend<String> restored = backend(ttlDb, range, List.of(handle));
      assertThatThrownBy(() -> restored.getOrCreateState(new ValueStateDescriptor<>("value", String.class)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'value'")
          .hasMessageContaining("restored with a time-to-live and is now registered without one");
      assertThatThrownBy(() -> restored.getOrCreateState(withTtl(new ValueStateDescriptor<>("plain", String.class), HOUR)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'plain'")
          .hasMessageContaining("restored without a time-to-live and is now registered with one");
    }
  }
}
