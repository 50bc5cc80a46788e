package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
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
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.TtlDB;

/**
 * Compaction-time TTL cleanup (the database opened as a TtlDB), and how {@link RocksDBOpener} opens a
 * database again from its files. TtlDB reads the system clock in whole seconds, so the expiry test
 * waits for about two seconds of wall time to pass.
 */
class RocksDBTtlCompactionTest {

  @TempDir
  Path localDir;

  private final List<RocksDBKeyedStateBackend<String>> created = new ArrayList<>();

  @AfterEach
  void dispose() {
    created.forEach(RocksDBKeyedStateBackend::dispose);
  }

  private RocksDBKeyedStateBackend<String> backend(boolean ttlDb, List<KeyedStateHandle> handles) throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "32mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, localDir.toString())
        .set(RocksDBOptions.TTL_COMPACTION_FILTER, ttlDb);
    RocksDBKeyedStateBackend<String> b = (RocksDBKeyedStateBackend<String>) new RocksDBKeyedStateBackendFactory()
        .<String>create(new KeyedStateBackendParameters<>(Types.STRING, 128, new KeyGroupRange(0, 127), conf,
            "compaction test", System::currentTimeMillis, handles, getClass().getClassLoader()));
    created.add(b);
    return b;
  }

  private static <D extends StateDescriptor<?, ?>> D ttl(D descriptor, StateTtlConfig config) {
    descriptor.enableTimeToLive(config);
    return descriptor;
  }

  private static final StateTtlConfig ONE_SECOND = StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build();

  /** The rows the column family of {@code state} holds, whatever their expiry. */
  private static int rows(RocksDBKeyedStateBackend<?> backend, Object state) {
    int rows = 0;
    try (RocksIterator it = backend.db().newIterator(((AbstractRocksDBState<?, ?, ?>) state).column)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        rows++;
      }
    }
    return rows;
  }

  private static void compact(RocksDBKeyedStateBackend<?> backend, Object... states) throws Exception {
    for (Object state : states) {
      backend.db().compactRange(((AbstractRocksDBState<?, ?, ?>) state).column);
    }
  }

  /** Waits until TtlDB's whole-second clock counts what was written at {@code writtenAtMillis} as older than 1 s. */
  private static void awaitOneSecondTtlPassed(long writtenAtMillis) {
    long due = (writtenAtMillis / 1000 + 2) * 1000 + 50;
    Await.until(Duration.ofSeconds(10), "the wall clock to reach " + due, () -> System.currentTimeMillis() >= due);
  }

  @Test
  void compactionDropsExpiredTtlStateAndKeepsTheRest() throws Exception {
    RocksDBKeyedStateBackend<String> b = backend(true, List.of());
    ValueState<String> value = b.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", String.class), ONE_SECOND));
    ListState<Integer> list = b.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ListStateDescriptor<>("l", Integer.class), ONE_SECOND));
    MapState<String, Integer> map = b.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new MapStateDescriptor<>("m", String.class, Integer.class), ONE_SECOND));
    ValueState<String> noTtl = b.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("plain", String.class));
    ValueState<String> noCompactionCleanup = b.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("readsOnly", String.class),
            StateTtlConfig.newBuilder(Duration.ofSeconds(1)).disableCleanupInBackground().build()));
    long written = System.currentTimeMillis();
    for (int i = 0; i < 100; i++) {
      b.setCurrentKey("old" + i);
      value.update("x");
      // A write, not appends: TtlDB stamps the result of merging appends with the time of the merge,
      // which may be a later compaction, so appended lists can outlive one compaction (never expire early).
      list.update(List.of(i, i + 1));
      map.put("a", i);
      noTtl.update("kept");
      noCompactionCleanup.update("kept");
    }
    compact(b, value, list, map); // into SST files, so that the next compaction rewrites them
    assertThat(rows(b, value)).isEqualTo(100);

    awaitOneSecondTtlPassed(written);
    for (int i = 0; i < 10; i++) {
      b.setCurrentKey("fresh" + i);
      value.update("y");
      list.add(i);
      map.put("b", i);
    }
    compact(b, value, list, map, noTtl, noCompactionCleanup);

    assertThat(rows(b, value)).as("value rows").isEqualTo(10);
    assertThat(rows(b, list)).as("list rows").isEqualTo(10);
    assertThat(rows(b, map)).as("map rows").isEqualTo(10);
    assertThat(rows(b, noTtl)).as("a state without TTL").isEqualTo(100);
    assertThat(rows(b, noCompactionCleanup)).as("a TTL state without the compaction filter cleanup").isEqualTo(100);
    b.setCurrentKey("fresh3");
    assertThat(value.value()).isEqualTo("y");
    assertThat(list.get()).containsExactly(3);
    assertThat(map.get("b")).isEqualTo(3);
  }

  @Test
  void withoutTheOptionCompactionKeepsExpiredRows() throws Exception {
    RocksDBKeyedStateBackend<String> b = backend(false, List.of());
    ValueState<String> value = b.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", String.class), ONE_SECOND));
    long written = System.currentTimeMillis();
    b.setCurrentKey("old");
    value.update("x");
    awaitOneSecondTtlPassed(written);
    compact(b, value);
    assertThat(rows(b, value)).isEqualTo(1);
    assertThat(value.value()).as("expired on the state's own clock").isNull();
    assertThat(rows(b, value)).as("removed by the read").isZero();
  }

  @Test
  void restoredTtlStateMovesIntoAColumnWithTheCompactionTtl() throws Exception {
    RocksDBKeyedStateBackend<String> source = backend(false, List.of());
    ValueState<String> written = source.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", String.class), StateTtlConfig.newBuilder(Duration.ofHours(1)).build()));
    for (int i = 0; i < 3000; i++) {
      source.setCurrentKey("k" + i);
      written.update("x" + i);
    }
    KeyedStateHandle handle = source.snapshot(1, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE)).write();
    RocksDBKeyedStateBackend<String> restored = backend(true, List.of(handle));
    ValueState<String> read = restored.getPartitionedState(VoidNamespace.INSTANCE,
        ttl(new ValueStateDescriptor<>("v", String.class), StateTtlConfig.newBuilder(Duration.ofHours(1)).build()));
    assertThat(columnNames(restored)).contains("state-ttl/3600/v").doesNotContain("state/v");
    assertThat(rows(restored, read)).isEqualTo(3000);
    restored.setCurrentKey("k2999");
    assertThat(read.value()).isEqualTo("x2999");
  }

  private static List<String> columnNames(RocksDBKeyedStateBackend<?> b) throws Exception {
    List<String> names = new ArrayList<>();
    try (org.rocksdb.Options options = new org.rocksdb.Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, b.directory().toString())) {
        names.add(new String(name, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return names;
  }

  /** Every row of every state column family of the database in {@code db}, by column family name. */
  private static Map<String, List<String>> contents(RocksDB db, List<byte[]> names, List<ColumnFamilyHandle> handles) {
    Map<String, List<String>> contents = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String state = RocksDBOpener.stateNameOf(names.get(i));
      if (state == null) {
        continue;
      }
      List<String> rows = new ArrayList<>();
      try (RocksIterator it = db.newIterator(handles.get(i))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          rows.add(Arrays.toString(it.key()) + "=" + Arrays.toString(it.value()));
        }
      }
      contents.put(state, rows);
    }
    return contents;
  }

  @Test
  void aNativeCheckpointReopensAsTheKindOfDatabaseItWasWrittenAs() throws Exception {
    for (boolean ttlDb : new boolean[] {true, false}) {
      RocksDBKeyedStateBackend<String> b = backend(ttlDb, List.of());
      ValueState<String> value = b.getPartitionedState(VoidNamespace.INSTANCE,
          ttl(new ValueStateDescriptor<>("v", String.class), StateTtlConfig.newBuilder(Duration.ofMinutes(5)).build()));
      ListState<Integer> list = b.getPartitionedState(VoidNamespace.INSTANCE, new ListStateDescriptor<>("l", Integer.class));
      for (int i = 0; i < 50; i++) {
        b.setCurrentKey("k" + i);
        value.update("v" + i);
        list.add(i);
        list.add(-i);
      }
      Path copy = localDir.resolve("checkpoint-" + ttlDb);
      try (Checkpoint checkpoint = Checkpoint.create(b.db())) {
        checkpoint.createCheckpoint(copy.toString());
      }
      Map<String, List<String>> live = new HashMap<>();
      live.put("v", rowsOf(b, value));
      live.put("l", rowsOf(b, list));

      List<byte[]> names = new ArrayList<>();
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (StringAppendOperator merge = new StringAppendOperator("");
          ColumnFamilyOptions columns = new ColumnFamilyOptions().setMergeOperator(merge);
          DBOptions options = new DBOptions();
          RocksDB reopened = RocksDBOpener.openExisting(options, copy, columns, names, handles)) {
        assertThat(reopened instanceof TtlDB).as("opened as a TtlDB").isEqualTo(ttlDb);
        assertThat(RocksDBOpener.forOpened(reopened).isTtlDb()).isEqualTo(ttlDb);
        assertThat(contents(reopened, names, handles)).as("ttlDb=%s", ttlDb).isEqualTo(live);
        handles.forEach(ColumnFamilyHandle::close);
      }
      names.clear();
      handles.clear();
      try (StringAppendOperator merge = new StringAppendOperator("");
          ColumnFamilyOptions columns = new ColumnFamilyOptions().setMergeOperator(merge);
          DBOptions options = new DBOptions();
          RocksDB readOnly = RocksDBOpener.openExisting(options, copy, columns, names, handles, true)) {
        assertThat(contents(readOnly, names, handles)).as("read-only, ttlDb=%s", ttlDb).isEqualTo(live);
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
  }

  private static List<String> rowsOf(RocksDBKeyedStateBackend<?> b, Object state) {
    List<String> rows = new ArrayList<>();
    try (RocksIterator it = b.db().newIterator(((AbstractRocksDBState<?, ?, ?>) state).column)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        rows.add(Arrays.toString(it.key()) + "=" + Arrays.toString(it.value()));
      }
    }
    return rows;
  }

  @Test
  void compactionTtlRoundsUpToWholeSecondsAndIsOffWithoutTheOptionOrTheStrategy() {
    RocksDBOpener ttlDb = RocksDBOpener.of(true);
    assertThat(ttlDb.compactionTtlSeconds(StateTtlConfig.newBuilder(Duration.ofMillis(1)).build())).isEqualTo(1);
    assertThat(ttlDb.compactionTtlSeconds(StateTtlConfig.newBuilder(Duration.ofMillis(1001)).build())).isEqualTo(2);
    assertThat(ttlDb.compactionTtlSeconds(StateTtlConfig.newBuilder(Duration.ofSeconds(60)).build())).isEqualTo(60);
    assertThat(ttlDb.compactionTtlSeconds(StateTtlConfig.newBuilder(Duration.ofDays(100_000)).build()))
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(ttlDb.compactionTtlSeconds(
        StateTtlConfig.newBuilder(Duration.ofSeconds(5)).disableCleanupInBackground().build())).isZero();
    assertThat(ttlDb.compactionTtlSeconds(StateTtlConfig.newBuilder(Duration.ofSeconds(5))
        .disableCleanupInBackground().cleanupInRocksdbCompactFilter(10).build())).isEqualTo(5);
    assertThat(ttlDb.compactionTtlSeconds(StateTtlConfig.DISABLED)).isZero();
    assertThat(RocksDBOpener.of(false).compactionTtlSeconds(StateTtlConfig.newBuilder(Duration.ofSeconds(5)).build()))
        .isZero();
  }
}
