package io.spate.state.rocksdb;

import io.spate.api.state.KeyedStateFunction;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import io.spate.runtime.FileNames;
import io.spate.runtime.timers.TimerQueue;
import io.spate.api.operators.state.InternalKvState;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedTimerRegistry;
import io.spate.api.operators.state.OwnedValueStateDescriptor;
import io.spate.runtime.state.SnapshottableTimers;
import io.spate.runtime.state.serialization.LearnedTypeSerializer;
import io.spate.runtime.state.serialization.StateSerializers;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotReader;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * Keyed state serialized into an embedded RocksDB (Flink's {@code EmbeddedRocksDBStateBackend}):
 * state may outgrow the heap; every read deserializes, so values read back are copies.
 *
 * <p>Each state is a column family. A row key is the key group (2 bytes, big-endian), the serialized
 * key, the serialized namespace and, for map state, the serialized user key; serializers are
 * self-delimiting, so no prefix of one row's (key, namespace) is another's, and the rows of a key
 * group range are one contiguous key range (what a snapshot will iterate).
 *
 * @param <K> the key type
 */
public final class RocksDBKeyedStateBackend<K> implements CheckpointableKeyedStateBackend<K> {

  /** Rows read from RocksDB per native iterator, so iterators are short-lived and memory is bounded. */
  static final int ITERATION_CHUNK = 256;

  private final int maxParallelism;
  private final KeyGroupRange keyGroupRange;
  private final String owner;
  private final Path directory;
  private final RocksDBSharedResources.Lease resources;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions columnOptions;
  private final StringAppendOperator listMerge;
  private final RocksDB db;
  private final ColumnFamilyHandle defaultColumn;
  final WriteOptions writeOptions;
  final ReadOptions readOptions;
  private final Map<String, AbstractRocksDBState<K, ?, ?>> states = new LinkedHashMap<>();
  private final Map<String, StateDescriptor.Type> kinds = new LinkedHashMap<>();
  private TypeInformation<K> keyType;
  private TypeSerializer<K> keySerializer;
  private K currentKey;
  private int currentKeyGroup = -1;
  private final DataOutputSerializer keyPrefix = new DataOutputSerializer(64);
  private boolean keyPrefixValid;
  private volatile boolean disposed;
  private final KeyedTimerRegistry timers = new KeyedTimerRegistry();
  private PriorityQueueStateType timerQueueType = RocksDBOptions.TIMER_SERVICE_FACTORY.defaultValue();
  private int writeBackCacheEntries = RocksDBOptions.WRITE_BACK_CACHE_ENTRIES.defaultValue();
  private RocksDBTimerQueues timerQueues;
  /** Restored states by name: their column family and what the snapshot said about them. */
  private final Map<String, RestoredColumn> restored = new LinkedHashMap<>();
  private TypeSerializerSnapshot<K> restoredKeySerializer;
  /** Held while an asynchronous snapshot reads the database, so that dispose waits for it. */
  private final ReentrantReadWriteLock snapshotLock = new ReentrantReadWriteLock();
  /** Column families of a database opened on an incremental snapshot's files, until their state is restored. */
  private final Map<String, ColumnFamilyHandle> openedColumns = new java.util.HashMap<>();
  /** The column family of each state, for the native metrics, which reporters' threads read. */
  private final Map<String, ColumnFamilyHandle> metricColumns = new java.util.concurrent.ConcurrentHashMap<>();
  /** RocksDB's native metrics; null unless the configuration asks for some. */
  private RocksDBNativeMetrics nativeMetrics;
  /** Takes incremental checkpoints; null when checkpoints are full snapshots. */
  private RocksDBIncrementalSnapshotStrategy incrementalSnapshots;

  /** The processing-time clock that state time-to-live is measured on. */
  final LongSupplier ttlClock;
  /** Makes column families as the opened database's kind (plain or TtlDB) needs. */
  private final RocksDBOpener opener;
  /** Whether the database was opened on the files of an incremental snapshot (downloaded by the factory). */
  private final boolean openedOnSnapshotFiles;

  /** A restored state's column family and header. */
  private record RestoredColumn(KeyedStateMetaInfo metaInfo, ColumnFamilyHandle column) {}

  /**
   * Opens a new, empty RocksDB in {@code directory} (which must not exist yet) for keys of {@code
   * keyType} (null: derived from the first key) in {@code keyGroupRange}.
   */
  public RocksDBKeyedStateBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange,
      Path directory, RocksDBSharedResources.Lease resources, String owner) throws IOException {
    this(keyType, maxParallelism, keyGroupRange, directory, resources, owner, System::currentTimeMillis,
        RocksDBOpener.of(false));
  }

  /**
   * A backend as above whose state time-to-live is measured on {@code ttlClock} and whose database
   * {@code opener} opens.
   */
  public RocksDBKeyedStateBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange,
      Path directory, RocksDBSharedResources.Lease resources, String owner, LongSupplier ttlClock,
      RocksDBOpener opener) throws IOException {
    if (maxParallelism > 1 << 15) {
      throw new IllegalArgumentException("Max parallelism " + maxParallelism + " does not fit the 2-byte key group");
    }
    this.keyType = keyType;
    this.keySerializer = keyType == null ? null : keyType.createSerializer();
    this.maxParallelism = maxParallelism;
    this.keyGroupRange = keyGroupRange;
    this.owner = owner;
    this.directory = directory;
    this.resources = resources;
    this.ttlClock = ttlClock;
    Files.createDirectories(directory.getParent());
    boolean existing = RocksDBIncrementalRestore.holdsDatabase(directory); // downloaded for a restore
    if (!existing) {
      Files.createDirectory(directory);
    }
    DBOptions dbo = null;
    ColumnFamilyOptions cfo = null;
    StringAppendOperator merge = null;
    RocksDB opened = null;
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      dbo = new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setWriteBufferManager(resources.writeBufferManager())
          .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
          .setStatsDumpPeriodSec(0)
          .setMaxOpenFiles(512)
          .setKeepLogFileNum(2);
      merge = new StringAppendOperator(""); // list elements carry their own length: no separator needed
      cfo = new ColumnFamilyOptions()
          .setMergeOperator(merge)
          .setWriteBufferSize(resources.writeBufferSize())
          .setTableFormatConfig(new BlockBasedTableConfig()
              .setBlockCache(resources.cache())
              .setCacheIndexAndFilterBlocks(true)
              .setPinL0FilterAndIndexBlocksInCache(true));
      opened = existing ? RocksDBIncrementalRestore.openDownloaded(dbo, directory, cfo, handles, openedColumns)
          : opener.openNew(dbo, directory, cfo, handles);
    } catch (RocksDBException | RuntimeException e) {
      handles.forEach(ColumnFamilyHandle::close);
      if (opened != null) {
        opened.close();
      }
      closeAll(cfo, merge, dbo);
      deleteDirectory(directory);
      resources.release();
      throw new IOException("Could not open RocksDB for " + owner + " in " + directory + ": " + e.getMessage(), e);
    }
    this.dbOptions = dbo;
    this.columnOptions = cfo;
    this.listMerge = merge;
    this.db = opened;
    this.opener = RocksDBOpener.forOpened(opened);
    this.openedOnSnapshotFiles = existing;
    this.defaultColumn = handles.get(0);
    this.writeOptions = new WriteOptions().setDisableWAL(true); // durability comes from checkpoints, not a log
    this.readOptions = new ReadOptions();
  }

  /**
   * Loads the key groups of this backend's range from {@code handles} (canonical keyed snapshots of
   * either backend): each restored state's rows go into its column family as they are.
   */
  void restore(List<KeyedStateHandle> handles, ClassLoader userClassLoader) throws IOException {
    RocksDBIncrementalRestore.restore(handles, keyGroupRange, directory, openedOnSnapshotFiles, userClassLoader,
        new KeyedSnapshotReader.RestoreTarget() {
      @Override
      @SuppressWarnings("unchecked")
      public void restoreKeySerializer(TypeSerializerSnapshot<?> snapshot) {
        if (restoredKeySerializer != null) {
          return;
        }
        restoredKeySerializer = (TypeSerializerSnapshot<K>) snapshot;
        if (keySerializer != null) {
          TypeSerializerSchemaCompatibility<K> compatibility = restoredKeySerializer.resolveSchemaCompatibility(keySerializer);
          if (!compatibility.isCompatibleAsIs()) {
            throw new IllegalStateException("The keys of the restored state of " + owner + " cannot be read by the key"
                + " serializer of " + keyType + ": " + compatibility);
          }
        } else {
          keySerializer = restoredKeySerializer.restoreSerializer();
        }
      }

      @Override
      public KeyedSnapshotReader.EntryConsumer restoreState(KeyedStateMetaInfo metaInfo) throws IOException {
        if (metaInfo.kind().isTimers()) {
          return timers.restore(metaInfo);
        }
        RestoredColumn column = restored.get(metaInfo.name());
        if (column == null) {
          column = new RestoredColumn(metaInfo, createColumn(metaInfo.name()));
          restored.put(metaInfo.name(), column);
        } else if (column.metaInfo().kind() != metaInfo.kind()) {
          throw new IOException("state '" + metaInfo.name() + "' is " + column.metaInfo().kind() + " state in one"
              + " snapshot and " + metaInfo.kind() + " state in another");
        }
        ColumnFamilyHandle handle = column.column();
        return (keyGroup, key, value) -> {
          byte[] row = new byte[key.length + 2];
          row[0] = (byte) (keyGroup >>> 8);
          row[1] = (byte) keyGroup;
          System.arraycopy(key, 0, row, 2, key.length);
          try {
            db.put(handle, writeOptions, row, value);
          } catch (RocksDBException e) {
            throw new IOException("could not write to RocksDB: " + e.getMessage(), e);
          }
        };
      }
    });
  }

  private ColumnFamilyHandle createColumn(String name) {
    ColumnFamilyHandle opened = openedColumns.remove(name);
    return opened != null ? opened : createColumn(name, 0);
  }

  private ColumnFamilyHandle createColumn(String name, int compactionTtlSeconds) {
    try {
      return opener.createColumn(db, name, compactionTtlSeconds, columnOptions);
    } catch (RocksDBException e) {
      throw new IllegalStateException("Could not create the column family of state '" + name + "' of " + owner, e);
    }
  }

  @Override
  public void registerTimers(String name, SnapshottableTimers timerService) {
    timers.register(name, timerService, restoredKeySerializer != null ? restoredKeySerializer.restoreSerializer()
        : keySerializer);
  }

  /** Reports RocksDB's native properties of every state created from now on through {@code metrics}. */
  void enableNativeMetrics(RocksDBNativeMetrics metrics) {
    this.nativeMetrics = metrics;
  }

  /**
   * The long RocksDB property {@code property} of the column family of state {@code state}, read from a
   * reporter's thread: 0 for a state without one, once the backend is disposed, or if RocksDB cannot tell.
   */
  long nativeProperty(String state, String property) {
    if (!snapshotLock.readLock().tryLock()) {
      return 0; // being disposed
    }
    try {
      ColumnFamilyHandle column = metricColumns.get(state);
      return disposed || column == null ? 0 : db.getLongProperty(column, property);
    } catch (RocksDBException e) {
      return 0;
    } finally {
      snapshotLock.readLock().unlock();
    }
  }

  /** How many values each aggregating, reducing or engine-owned value state keeps as objects; 0: RocksDB every time. */
  void setWriteBackCacheEntries(int entries) {
    writeBackCacheEntries = entries;
  }

  /** Writes every value that states hold only in memory to RocksDB, so that RocksDB holds all the state. */
  private void flushWriteBackCaches() {
    for (AbstractRocksDBState<K, ?, ?> state : states.values()) {
      state.flushCache();
    }
  }

  /** Keeps timers on the heap or in this backend's RocksDB, from the next timer service created on. */
  void setTimerQueueType(PriorityQueueStateType type) {
    this.timerQueueType = type;
  }

  @Override
  public TimerQueue createTimerQueue(String name, boolean eventTime) {
    checkNotDisposed();
    if (timerQueueType == PriorityQueueStateType.HEAP) {
      return CheckpointableKeyedStateBackend.super.createTimerQueue(name, eventTime);
    }
    if (timerQueues == null) {
      timerQueues = new RocksDBTimerQueues(this::db, columnOptions, writeOptions, readOptions, keyGroupRange,
          this::keyGroupOf, this::keySerializer, owner, opener);
    }
    return timerQueues.create(name, eventTime);
  }

  @SuppressWarnings("unchecked")
  private int keyGroupOf(Object key) {
    if (keyType == null) {
      keyType = (TypeInformation<K>) TypeExtractor.getForObject(key);
      keySerializer = keyType.createSerializer();
    }
    return KeyGroupAssignment.keyGroupForHash(keyType.keyHash((K) key), maxParallelism);
  }

  /**
   * Checks that restored state {@code name} fits its registration as {@code state}, adopts the
   * restored serializers where the new ones have not learned a type, and migrates the stored values
   * where the new value serializer needs it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void adoptRestored(AbstractRocksDBState<K, ?, ?> state, StateKind kind, RestoredColumn column) {
    KeyedStateMetaInfo meta = column.metaInfo();
    String name = meta.name();
    if (meta.kind() != kind) {
      throw new IllegalStateException("State '" + name + "' of " + owner + " was restored as " + meta.kind()
          + " state and is now registered as " + kind + " state; use another name.");
    }
    if (meta.ttl() != state.ttlConfig().isEnabled()) {
      throw new IllegalStateException("State '" + name + "' of " + owner + " was restored "
          + (meta.ttl() ? "with" : "without") + " a time-to-live and is now registered "
          + (state.ttlConfig().isEnabled() ? "with" : "without")
          + " one; turning TTL on or off for existing state is not supported.");
    }
    AbstractRocksDBState raw = state;
    TypeSerializerSnapshot namespaceSnapshot = meta.namespaceSerializer();
    checkAsIs(name, "namespaces", namespaceSnapshot, state.namespaceSerializer);
    raw.namespaceSerializer = namespaceSnapshot.restoreSerializer();
    TypeSerializer current;
    if (state instanceof RocksDBMapState map) {
      checkAsIs(name, "map keys", meta.userKeySerializer(), map.userKeySerializer);
      current = map.userValueSerializer;
    } else {
      current = state.valueSerializer;
    }
    TypeSerializerSnapshot valueSnapshot = meta.valueSerializer();
    TypeSerializerSchemaCompatibility compatibility = valueSnapshot.resolveSchemaCompatibility(current);
    if (compatibility.isIncompatible()) {
      throw new IllegalStateException("State '" + name + "' of " + owner + " cannot be restored: the serializer of its"
          + " values is incompatible with the snapshot's: " + compatibility.message());
    }
    TypeSerializer chosen = current;
    if (current instanceof LearnedTypeSerializer<?> learned && !learned.hasLearned()) {
      chosen = valueSnapshot.restoreSerializer();
    } else if (compatibility.isCompatibleAfterMigration() || compatibility.isCompatibleWithReconfiguredSerializer()) {
      RocksDBStateMigration.migrate(db, column.column(), readOptions, writeOptions, kind, meta.ttl(),
          valueSnapshot.restoreSerializer(), current, name, owner);
    }
    if (state instanceof RocksDBMapState map) {
      map.userValueSerializer = chosen;
    } else {
      raw.valueSerializer = chosen;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void checkAsIs(String name, String what, TypeSerializerSnapshot restoredSerializer, TypeSerializer current) {
    TypeSerializerSchemaCompatibility compatibility = restoredSerializer.resolveSchemaCompatibility(current);
    if (!compatibility.isCompatibleAsIs()) {
      throw new IllegalStateException("State '" + name + "' of " + owner + " cannot be restored: the serializer of its "
          + what + " cannot read the snapshot's bytes as they are (" + compatibility + "); the RocksDB backend does"
          + " not migrate " + what + ".");
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public AsyncSnapshot<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streams) throws IOException {
    checkNotDisposed();
    if (keySerializer == null) {
      return AsyncSnapshot.empty(); // no key was ever seen or restored: there is no state
    }
    flushWriteBackCaches();
    List<ColumnFamilyHandle> columns = new ArrayList<>();
    List<KeyedStateMetaInfo> metas = new ArrayList<>();
    List<RocksDBTtlSnapshotFilter> filters = new ArrayList<>();
    long now = ttlClock.getAsLong();
    for (Map.Entry<String, AbstractRocksDBState<K, ?, ?>> entry : states.entrySet()) {
      AbstractRocksDBState<K, ?, ?> state = entry.getValue();
      StateKind kind = StateKind.of(kinds.get(entry.getKey()));
      TypeSerializer value = state instanceof RocksDBMapState map ? map.userValueSerializer : state.valueSerializer;
      TypeSerializerSnapshot<?> userKey = state instanceof RocksDBMapState map
          ? map.userKeySerializer.snapshotConfiguration() : null;
      metas.add(new KeyedStateMetaInfo(entry.getKey(), kind, state.ttlConfig().isEnabled(),
          state.namespaceSerializer.snapshotConfiguration(), value.snapshotConfiguration(), userKey));
      columns.add(state.column);
      filters.add(RocksDBTtlSnapshotFilter.forState(state.ttlConfig(), kind, now));
    }
    for (RestoredColumn column : restored.values()) {
      metas.add(column.metaInfo());
      columns.add(column.column());
      filters.add(null);
    }
    List<KeyedSnapshotWriter.StateSource> sources = new ArrayList<>(timers.snapshot(this::keyGroupOf, keySerializer));
    List<Function<ReadOptions, KeyedSnapshotWriter.StateSource>> timerRows =
        timerQueues == null ? List.of() : timerQueues.snapshot();
    TypeSerializerSnapshot<K> keySnapshot = keySerializer.snapshotConfiguration();
    if (incrementalSnapshots != null && streams.supportsSharedState()) {
      if (timerRows.isEmpty()) {
        return incrementalSnapshots.snapshot(checkpointId, streams, db, columns, metas, sources, keySnapshot);
      }
      return incrementalWithTimers(checkpointId, streams, columns, metas, sources, timerRows, keySnapshot);
    }
    String name = "keyed-" + FileNames.safe(owner) + "-" + checkpointId;
    Snapshot dbSnapshot = db.getSnapshot();
    return () -> {
      snapshotLock.readLock().lock();
      try (ReadOptions read = new ReadOptions().setSnapshot(dbSnapshot)) {
        if (disposed) {
          throw new IOException("The RocksDB state backend of " + owner + " was disposed before its snapshot for"
              + " checkpoint " + checkpointId + " was written.");
        }
        List<KeyedSnapshotWriter.StateSource> all = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          all.add(new ColumnSnapshot(metas.get(i), columns.get(i), read, filters.get(i)));
        }
        all.addAll(sources);
        timerRows.forEach(rows -> all.add(rows.apply(read)));
        return KeyedSnapshotWriter.write(streams, name, keyGroupRange, keySnapshot, all);
      } finally {
        if (!disposed) {
          db.releaseSnapshot(dbSnapshot);
        }
        snapshotLock.readLock().unlock();
      }
    };
  }

  /**
   * An incremental snapshot whose meta part also holds every timer kept in RocksDB, read from a
   * database snapshot as a full snapshot reads them: a restore then treats them as heap timers (and
   * drops the timer column families that came with the files), whatever the timer queue type then.
   */
  private AsyncSnapshot<KeyedStateHandle> incrementalWithTimers(long checkpointId, CheckpointStreamFactory streams,
      List<ColumnFamilyHandle> columns, List<KeyedStateMetaInfo> metas, List<KeyedSnapshotWriter.StateSource> sources,
      List<Function<ReadOptions, KeyedSnapshotWriter.StateSource>> timerRows, TypeSerializerSnapshot<K> keySnapshot)
      throws IOException {
    Snapshot dbSnapshot = db.getSnapshot();
    ReadOptions read = new ReadOptions().setSnapshot(dbSnapshot);
    AsyncSnapshot<KeyedStateHandle> upload;
    try {
      timerRows.forEach(rows -> sources.add(rows.apply(read)));
      upload = incrementalSnapshots.snapshot(checkpointId, streams, db, columns, metas, sources, keySnapshot);
    } catch (IOException | RuntimeException e) {
      read.close();
      db.releaseSnapshot(dbSnapshot);
      throw e;
    }
    return () -> {
      snapshotLock.readLock().lock();
      try {
        if (disposed) {
          throw new IOException("The RocksDB state backend of " + owner + " was disposed before its snapshot for"
              + " checkpoint " + checkpointId + " was written.");
        }
        return upload.write();
      } finally {
        read.close();
        if (!disposed) {
          db.releaseSnapshot(dbSnapshot);
        }
        snapshotLock.readLock().unlock();
      }
    };
  }

  /**
   * Copies the rows of one column family, key group by key group, as they are (but for what a TTL
   * state's full-snapshot cleanup leaves out).
   */
  private final class ColumnSnapshot implements KeyedSnapshotWriter.StateSource {
    private final KeyedStateMetaInfo metaInfo;
    private final ColumnFamilyHandle column;
    private final ReadOptions read;
    private final RocksDBTtlSnapshotFilter ttlFilter;

    ColumnSnapshot(KeyedStateMetaInfo metaInfo, ColumnFamilyHandle column, ReadOptions read,
        RocksDBTtlSnapshotFilter ttlFilter) {
      this.metaInfo = metaInfo;
      this.column = column;
      this.read = read;
      this.ttlFilter = ttlFilter;
    }

    @Override
    public KeyedStateMetaInfo metaInfo() {
      return metaInfo;
    }

    @Override
    public void writeKeyGroup(int keyGroup, KeyedSnapshotWriter.EntrySink sink) throws IOException {
      byte[] prefix = {(byte) (keyGroup >>> 8), (byte) keyGroup};
      try (RocksIterator it = db.newIterator(column, read)) {
        for (it.seek(prefix); it.isValid(); it.next()) {
          byte[] row = it.key();
          if (row.length < 2 || row[0] != prefix[0] || row[1] != prefix[1]) {
            break;
          }
          byte[] value = it.value();
          if (ttlFilter == null) {
            sink.entry(row, 2, row.length - 2, value, 0, value.length);
          } else {
            ttlFilter.write(row, value, sink);
          }
        }
      }
    }
  }

  /** Makes checkpoints (not savepoints) of this backend incremental ({@code state.backend.incremental}). */
  void enableIncrementalCheckpoints() {
    incrementalSnapshots = new RocksDBIncrementalSnapshotStrategy(directory, keyGroupRange, owner);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    if (incrementalSnapshots != null) {
      incrementalSnapshots.notifyCheckpointComplete(checkpointId);
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) {
    if (incrementalSnapshots != null) {
      incrementalSnapshots.notifyCheckpointAborted(checkpointId);
    }
  }

  /** The directory that holds this backend's RocksDB files (deleted by {@link #dispose()}). */
  public Path directory() {
    return directory;
  }

  @Override
  public void setCurrentKey(K key) {
    if (key != currentKey) {
      currentKey = key;
      currentKeyGroup = -1;
      keyPrefixValid = false;
    }
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  @SuppressWarnings("unchecked")
  public int getCurrentKeyGroup() {
    if (currentKeyGroup < 0) {
      if (keyType == null) {
        keyType = (TypeInformation<K>) TypeExtractor.getForObject(currentKey);
        keySerializer = keyType.createSerializer();
      }
      currentKeyGroup = KeyGroupAssignment.keyGroupForHash(keyType.keyHash(currentKey), maxParallelism);
    }
    return currentKeyGroup;
  }

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

  /** The row-key prefix (key group and key) of the current key; valid until the key changes. */
  DataOutputSerializer currentKeyPrefix(String stateName) {
    if (!keyPrefixValid) {
      if (currentKey == null) {
        throw new IllegalStateException("State '" + stateName + "' was accessed with no current key: keyed state "
            + "can only be used while a keyed record or timer is being processed.");
      }
      int keyGroup = getCurrentKeyGroup();
      if (!keyGroupRange.contains(keyGroup)) {
        throw new IllegalStateException("Key group " + keyGroup + " is not in this subtask's key groups "
            + keyGroupRange.startKeyGroup() + ".." + keyGroupRange.endKeyGroup()
            + ": a key's hash changed between keyBy and state access (is the key mutable?)");
      }
      keyPrefix.clear();
      try {
        keyPrefix.writeShort(keyGroup);
        keySerializer.serialize(currentKey, keyPrefix);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not serialize key " + currentKey + " of state '" + stateName + "'", e);
      }
      keyPrefixValid = true;
    }
    return keyPrefix;
  }

  RocksDB db() {
    checkNotDisposed();
    return db;
  }

  TypeSerializer<K> keySerializer() {
    return keySerializer;
  }

  String owner() {
    return owner;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <S extends State> S getOrCreateState(StateDescriptor<S, ?> descriptor) {
    checkNotDisposed();
    String name = descriptor.getName();
    AbstractRocksDBState<K, ?, ?> state = states.get(name);
    if (state != null) {
      if (kinds.get(name) != descriptor.getType()) {
        throw new IllegalStateException("State '" + name + "' was registered as " + kinds.get(name)
            + " state and is now asked for as " + descriptor.getType() + " state; use another name.");
      }
      RocksDBTtlStates.checkSameTtl(name, state.ttlConfig(), descriptor.getTtlConfig());
      return (S) state;
    }
    RestoredColumn restoredColumn = restored.get(name);
    int compactionTtl = opener.compactionTtlSeconds(descriptor.getTtlConfig());
    if (restoredColumn != null && restoredColumn.metaInfo().ttl() && RocksDBTtlStates.hasTtl(descriptor)
        && compactionTtl != RocksDBOpener.compactionTtlSecondsOf(restoredColumn.column())) {
      restoredColumn = new RestoredColumn(restoredColumn.metaInfo(), moveToCompactionTtl(restoredColumn, compactionTtl));
      restored.put(name, restoredColumn);
    }
    ColumnFamilyHandle column = restoredColumn != null ? restoredColumn.column() : createColumn(name, compactionTtl);
    state = RocksDBTtlStates.hasTtl(descriptor) ? RocksDBTtlStates.create(this, column, descriptor)
        : switch (descriptor.getType()) {
      case VALUE -> descriptor instanceof OwnedValueStateDescriptor owned
          ? new RocksDBOwnedValueState<>(this, column, owned, writeBackCacheEntries)
          : new RocksDBValueState<>(this, column, (ValueStateDescriptor) descriptor);
      case LIST -> new RocksDBListState<>(this, column, name, StateSerializers.forDescriptor(descriptor));
      case REDUCING -> new RocksDBReducingState<>(this, column, name, StateSerializers.forDescriptor(descriptor),
          ((ReducingStateDescriptor) descriptor).getReduceFunction(), writeBackCacheEntries);
      case AGGREGATING -> new RocksDBAggregatingState<>(this, column, name, StateSerializers.forDescriptor(descriptor),
          (AggregateFunction) ((AggregatingStateDescriptor) descriptor).getAggregateFunction(), writeBackCacheEntries);
      case MAP -> {
        MapStateDescriptor map = (MapStateDescriptor) descriptor;
        yield new RocksDBMapState<>(this, column, name,
            StateSerializers.forMapKeys(map),
            StateSerializers.forMapValues(map));
      }
    };
    if (restoredColumn != null) {
      adoptRestored(state, StateKind.of(descriptor.getType()), restoredColumn);
      restored.remove(name);
    }
    states.put(name, state);
    kinds.put(name, descriptor.getType());
    metricColumns.put(name, column);
    if (nativeMetrics != null) {
      nativeMetrics.register(name);
    }
    return (S) state;
  }

  private ColumnFamilyHandle moveToCompactionTtl(RestoredColumn column, int compactionTtlSeconds) {
    try {
      return opener.recreateWithTtl(db, column.column(), column.metaInfo().name(), compactionTtlSeconds, columnOptions,
          writeOptions);
    } catch (RocksDBException e) {
      throw new IllegalStateException("Could not move restored state '" + column.metaInfo().name() + "' of " + owner
          + " into a column family with a compaction TTL: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N> Stream<K> getKeys(String stateName, N namespace) {
    checkNotDisposed();
    AbstractRocksDBState<K, N, ?> state = (AbstractRocksDBState<K, N, ?>) states.get(stateName);
    if (state == null || keySerializer == null) {
      return Stream.empty();
    }
    flushWriteBackCaches();
    byte[] ns = state.serializeNamespace(namespace);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
        new KeyIterator(state, ns), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, S extends State> void applyToAllKeys(
      N namespace, StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function) throws Exception {
    S state = getPartitionedState(namespace, descriptor);
    K previous = currentKey;
    try {
      // The iterator re-seeks per chunk, so the function may change or clear state as it goes.
      Iterator<K> keys = getKeys(descriptor.getName(), namespace).iterator();
      while (keys.hasNext()) {
        K key = keys.next();
        setCurrentKey(key);
        ((InternalKvState<N>) state).setCurrentNamespace(namespace);
        function.process(key, state);
      }
    } finally {
      setCurrentKey(previous);
    }
  }

  @Override
  public void forEachStateSize(BiConsumer<String, Long> consumer) {
    checkNotDisposed();
    flushWriteBackCaches();
    states.forEach((name, state) -> consumer.accept(name, countEntries(state)));
  }

  /** The number of (key, namespace) pairs with a value: rows, with a map's user keys counted once. */
  private long countEntries(AbstractRocksDBState<K, ?, ?> state) {
    long count = 0;
    byte[] previous = null;
    try (RocksIterator it = db.newIterator(state.column, readOptions)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] row = it.key();
        if (state instanceof RocksDBMapState<?, ?, ?, ?> map) {
          int end = map.keyAndNamespaceLength(row);
          if (previous != null && Arrays.equals(previous, 0, previous.length, row, 0, end)) {
            continue;
          }
          previous = Arrays.copyOf(row, end);
        }
        count++;
      }
    }
    return count;
  }

  /**
   * The keys of one state that have a row under one namespace, in key-group order, read in chunks of
   * {@link #ITERATION_CHUNK} rows, each chunk through a fresh native iterator that seeks past the
   * last row seen.
   */
  private final class KeyIterator implements Iterator<K> {
    private final AbstractRocksDBState<K, ?, ?> state;
    private final byte[] namespace;
    private final boolean mapRows;
    private final ArrayList<K> buffer = new ArrayList<>();
    private int position;
    private byte[] lastRow;
    private byte[] lastEmittedPrefix;
    private boolean exhausted;

    KeyIterator(AbstractRocksDBState<K, ?, ?> state, byte[] namespace) {
      this.state = state;
      this.namespace = namespace;
      this.mapRows = state instanceof RocksDBMapState;
    }

    @Override
    public boolean hasNext() {
      while (position >= buffer.size() && !exhausted) {
        fill();
      }
      return position < buffer.size();
    }

    @Override
    public K next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.get(position++);
    }

    private void fill() {
      buffer.clear();
      position = 0;
      DataInputDeserializer in = new DataInputDeserializer();
      int rows = 0;
      try (RocksIterator it = db().newIterator(state.column, readOptions)) {
        if (lastRow == null) {
          it.seekToFirst();
        } else {
          it.seek(lastRow);
          if (it.isValid() && Arrays.equals(it.key(), lastRow)) {
            it.next();
          }
        }
        for (; it.isValid() && rows < ITERATION_CHUNK; it.next(), rows++) {
          byte[] row = it.key();
          lastRow = row;
          in.setBuffer(row, 2, row.length - 2);
          K key = keySerializer.deserialize(in);
          int nsStart = row.length - in.available();
          int nsEnd = nsStart + namespace.length;
          boolean matches = mapRows
              ? nsEnd <= row.length && Arrays.equals(row, nsStart, nsEnd, namespace, 0, namespace.length)
              : nsEnd == row.length && Arrays.equals(row, nsStart, nsEnd, namespace, 0, namespace.length);
          if (!matches) {
            continue;
          }
          if (mapRows) {
            if (lastEmittedPrefix != null && Arrays.equals(lastEmittedPrefix, 0, lastEmittedPrefix.length, row, 0, nsEnd)) {
              continue;
            }
            lastEmittedPrefix = Arrays.copyOf(row, nsEnd);
          }
          buffer.add(key);
        }
        if (!it.isValid()) {
          exhausted = true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the keys of state '" + state.name() + "' of " + owner, e);
      }
    }
  }

  /** Fails if the backend was disposed; also for cached states, whose access may not reach the database. */
  void checkNotDisposed() {
    if (disposed) {
      throw new IllegalStateException("The RocksDB state backend of " + owner + " was disposed.");
    }
  }

  @Override
  public void dispose() {
    snapshotLock.writeLock().lock();
    try {
      if (disposed) {
        return;
      }
      disposed = true;
    } finally {
      snapshotLock.writeLock().unlock();
    }
    for (AbstractRocksDBState<K, ?, ?> state : states.values()) {
      state.column.close();
    }
    restored.values().forEach(c -> c.column().close());
    restored.clear();
    openedColumns.values().forEach(ColumnFamilyHandle::close);
    openedColumns.clear();
    states.clear();
    if (timerQueues != null) {
      timerQueues.close();
    }
    defaultColumn.close();
    db.close();
    closeAll(writeOptions, readOptions, columnOptions, listMerge, dbOptions);
    resources.release();
    deleteDirectory(directory);
  }

  private static void closeAll(AutoCloseable... closeables) {
    for (AutoCloseable c : closeables) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // native handles do not fail to close
        }
      }
    }
  }

  static void deleteDirectory(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the RocksDB working directory " + directory, e);
    }
  }
}
