package io.spate.state.rocksdb;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.StateTtlConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.TtlDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Decides how a RocksDB state database is opened and how its column families are made: as a plain
 * {@link RocksDB}, or, with {@link RocksDBOptions#TTL_COMPACTION_FILTER}, as a {@link
 * TtlDB} whose compaction drops the values of TTL states once their time to live has passed.
 *
 * <p>A TtlDB appends a 4-byte write time (seconds) to every value it stores and strips it on reads,
 * so its files must never be opened as a plain RocksDB (values would have 4 stray bytes) nor the
 * other way round. Both facts that decide the opening are kept in the files themselves, so that a
 * database reopened from copied files (a native checkpoint) opens the same way: a TtlDB has the
 * empty column family {@value #TTL_DB_MARKER_NAME}; a state's column family is {@code state/<name>},
 * or {@code state-ttl/<seconds>/<name>} when compaction drops its values that many seconds after
 * their last write. {@link #openExisting} reads both. The timers that the backend keeps in RocksDB
 * are in column families {@code timers/event/<service>} and {@code timers/processing/<service>},
 * which {@link #stateNameOf} tells apart from states' ones.
 */
public final class RocksDBOpener {

  /** The name of the column family that only a database opened as a TtlDB has. */
  static final String TTL_DB_MARKER_NAME = "spate/ttl-db";

  private static final String STATE_PREFIX = "state/";
  private static final String TTL_STATE_PREFIX = "state-ttl/";
  private static final String TIMERS_PREFIX = "timers/";
  private static final byte[] TTL_DB_MARKER = TTL_DB_MARKER_NAME.getBytes(StandardCharsets.UTF_8);
  private static final int COPY_BATCH_ROWS = 1024;

  private final boolean ttlDb;

  private RocksDBOpener(boolean ttlDb) {
    this.ttlDb = ttlDb;
  }

  /** The opener that {@code conf} asks for. */
  public static RocksDBOpener of(Configuration conf) {
    return new RocksDBOpener(conf.get(RocksDBOptions.TTL_COMPACTION_FILTER));
  }

  /** An opener of plain RocksDBs ({@code false}) or of TtlDBs ({@code true}). */
  public static RocksDBOpener of(boolean ttlDb) {
    return new RocksDBOpener(ttlDb);
  }

  /**
   * The opener that makes column families for {@code db} as its kind needs: after {@link
   * #openExisting}, the files decide the kind, not the configuration.
   */
  public static RocksDBOpener forOpened(RocksDB db) {
    return new RocksDBOpener(db instanceof TtlDB);
  }

  /** Whether databases are opened as TtlDBs. */
  public boolean isTtlDb() {
    return ttlDb;
  }

  /**
   * Opens a new database in {@code directory} with only the default column family (its handle goes
   * into {@code handles}).
   */
  public RocksDB openNew(DBOptions dbOptions, Path directory, ColumnFamilyOptions columnOptions,
      List<ColumnFamilyHandle> handles) throws RocksDBException {
    List<ColumnFamilyDescriptor> descriptors =
        List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
    if (!ttlDb) {
      return RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
    }
    TtlDB db = TtlDB.open(dbOptions, directory.toString(), descriptors, handles, List.of(0), false);
    try {
      db.createColumnFamilyWithTtl(new ColumnFamilyDescriptor(TTL_DB_MARKER, columnOptions), 0).close();
    } catch (RocksDBException | RuntimeException e) {
      handles.forEach(ColumnFamilyHandle::close);
      handles.clear();
      db.close();
      throw e;
    }
    return db;
  }

  /**
   * Opens the database whose files are in {@code directory} (for example a native checkpoint copied
   * there) as the kind it was written as, with every column family it has; the handles go into
   * {@code handles} in the order of {@code names}, which receives the column family names.
   */
  public static RocksDB openExisting(DBOptions dbOptions, Path directory, ColumnFamilyOptions columnOptions,
      List<byte[]> names, List<ColumnFamilyHandle> handles) throws RocksDBException {
    return openExisting(dbOptions, directory, columnOptions, names, handles, false);
  }

  /** As {@link #openExisting(DBOptions, Path, ColumnFamilyOptions, List, List)}, read-only if {@code readOnly}. */
  public static RocksDB openExisting(DBOptions dbOptions, Path directory, ColumnFamilyOptions columnOptions,
      List<byte[]> names, List<ColumnFamilyHandle> handles, boolean readOnly) throws RocksDBException {
    List<byte[]> found;
    try (Options options = new Options()) {
      found = RocksDB.listColumnFamilies(options, directory.toString());
    }
    if (found.isEmpty()) {
      throw new RocksDBException("no RocksDB database in " + directory);
    }
    boolean isTtlDb = false;
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    List<Integer> ttls = new ArrayList<>();
    for (byte[] name : found) {
      isTtlDb |= Arrays.equals(name, TTL_DB_MARKER);
      descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
      ttls.add(compactionTtlSecondsOf(name));
    }
    names.addAll(found);
    if (isTtlDb) {
      return TtlDB.open(dbOptions, directory.toString(), descriptors, handles, ttls, readOnly);
    }
    return readOnly ? RocksDB.openReadOnly(dbOptions, directory.toString(), descriptors, handles)
        : RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
  }

  /** Whether the database files in {@code directory} were written by a TtlDB. */
  static boolean holdsTtlDb(Path directory) throws IOException {
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
        if (Arrays.equals(name, TTL_DB_MARKER)) {
          return true;
        }
      }
      return false;
    } catch (RocksDBException e) {
      throw new IOException("Cannot list the column families of the RocksDB files in " + directory + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The seconds after its last write at which compaction may drop a value of a state with {@code
   * ttl}: 0 (never) on a plain RocksDB, without TTL, or without the compaction filter cleanup;
   * otherwise the time to live rounded up to whole seconds, so that nothing is dropped early.
   */
  public int compactionTtlSeconds(StateTtlConfig ttl) {
    if (!ttlDb || ttl == null || !ttl.isEnabled()
        || ttl.getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy() == null) {
      return 0;
    }
    long seconds = ttl.getTtlMillis() / 1000 + (ttl.getTtlMillis() % 1000 == 0 ? 0 : 1);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
  }

  /** The column family name of state {@code stateName} whose values compaction drops after {@code ttlSeconds} (0: never). */
  public static byte[] columnName(String stateName, int ttlSeconds) {
    String name = ttlSeconds > 0 ? TTL_STATE_PREFIX + ttlSeconds + "/" + stateName : STATE_PREFIX + stateName;
    return name.getBytes(StandardCharsets.UTF_8);
  }

  /** The state whose values column family {@code columnName} holds, or null if it holds none. */
  public static String stateNameOf(byte[] columnName) {
    String name = new String(columnName, StandardCharsets.UTF_8);
    if (name.startsWith(STATE_PREFIX)) {
      return name.substring(STATE_PREFIX.length());
    }
    int slash = name.indexOf('/', TTL_STATE_PREFIX.length());
    return name.startsWith(TTL_STATE_PREFIX) && slash > 0 ? name.substring(slash + 1) : null;
  }

  /** The column family name of the event-time or processing-time timers of timer service {@code service}. */
  static byte[] timerColumnName(String service, boolean eventTime) {
    return (TIMERS_PREFIX + (eventTime ? "event/" : "processing/") + service).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether column family {@code columnName} holds timers. */
  static boolean isTimerColumn(byte[] columnName) {
    return new String(columnName, StandardCharsets.UTF_8).startsWith(TIMERS_PREFIX);
  }

  /** The compaction TTL in seconds that the name of a column family says, 0 for none. */
  static int compactionTtlSecondsOf(byte[] columnName) {
    String name = new String(columnName, StandardCharsets.UTF_8);
    int slash = name.indexOf('/', TTL_STATE_PREFIX.length());
    if (!name.startsWith(TTL_STATE_PREFIX) || slash < 0) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(name.substring(TTL_STATE_PREFIX.length(), slash)));
    } catch (NumberFormatException notATtl) {
      return 0;
    }
  }

  /** The compaction TTL in seconds of the opened column family {@code column}, 0 for none. */
  static int compactionTtlSecondsOf(ColumnFamilyHandle column) {
    try {
      return compactionTtlSecondsOf(column.getName());
    } catch (RocksDBException e) {
      throw new IllegalStateException("Cannot read the name of a RocksDB column family: " + e.getMessage(), e);
    }
  }

  /** Creates the column family of state {@code stateName}, whose values compaction drops after {@code ttlSeconds}. */
  public ColumnFamilyHandle createColumn(RocksDB db, String stateName, int ttlSeconds, ColumnFamilyOptions options)
      throws RocksDBException {
    ColumnFamilyDescriptor descriptor = new ColumnFamilyDescriptor(columnName(stateName, ttlSeconds), options);
    return ttlDb ? ((TtlDB) db).createColumnFamilyWithTtl(descriptor, ttlSeconds) : db.createColumnFamily(descriptor);
  }

  /** Creates the column family of the event-time or processing-time timers of timer service {@code service}. */
  ColumnFamilyHandle createTimerColumn(RocksDB db, String service, boolean eventTime, ColumnFamilyOptions options)
      throws RocksDBException {
    ColumnFamilyDescriptor descriptor = new ColumnFamilyDescriptor(timerColumnName(service, eventTime), options);
    return ttlDb ? ((TtlDB) db).createColumnFamilyWithTtl(descriptor, 0) : db.createColumnFamily(descriptor);
  }

  /**
   * Moves the rows of {@code from} (a column without compaction TTL, filled by a restore) into a new
   * column of state {@code stateName} with {@code ttlSeconds}, drops {@code from} and returns the new
   * column: a TtlDB fixes a column's TTL when the column is created.
   */
  ColumnFamilyHandle recreateWithTtl(RocksDB db, ColumnFamilyHandle from, String stateName, int ttlSeconds,
      ColumnFamilyOptions options, WriteOptions write) throws RocksDBException {
    ColumnFamilyHandle to = createColumn(db, stateName, ttlSeconds, options);
    try (ReadOptions read = new ReadOptions(); RocksIterator it = db.newIterator(from, read);
        WriteBatch batch = new WriteBatch()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        batch.put(to, it.key(), it.value());
        if (batch.count() >= COPY_BATCH_ROWS) {
          db.write(write, batch);
          batch.clear();
        }
      }
      it.status();
      db.write(write, batch);
    } catch (RocksDBException | RuntimeException e) {
      db.dropColumnFamily(to);
      to.close();
      throw e;
    }
    db.dropColumnFamily(from);
    from.close();
    return to;
  }
}
