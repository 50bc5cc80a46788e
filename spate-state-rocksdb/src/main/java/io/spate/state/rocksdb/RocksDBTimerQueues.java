package io.spate.state.rocksdb;

import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The timer queues that one RocksDB backend keeps in its database, one column family per timer
 * service and time domain: creates them, lists them for snapshots and closes their column families
 * when the backend is disposed.
 */
final class RocksDBTimerQueues {

  private final Supplier<RocksDB> db;
  private final ColumnFamilyOptions columnOptions;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  private final KeyGroupRange keyGroupRange;
  private final ToIntFunction<Object> keyGroupOf;
  private final Supplier<TypeSerializer<?>> keySerializer;
  private final String owner;
  private final RocksDBOpener opener;
  private final List<ColumnFamilyHandle> columns = new ArrayList<>();
  private final List<RocksDBTimerQueue> queues = new ArrayList<>();

  RocksDBTimerQueues(Supplier<RocksDB> db, ColumnFamilyOptions columnOptions, WriteOptions writeOptions, ReadOptions readOptions,
      KeyGroupRange keyGroupRange, ToIntFunction<Object> keyGroupOf, Supplier<TypeSerializer<?>> keySerializer,
      String owner, RocksDBOpener opener) {
    this.db = db;
    this.columnOptions = columnOptions;
    this.writeOptions = writeOptions;
    this.readOptions = readOptions;
    this.keyGroupRange = keyGroupRange;
    this.keyGroupOf = keyGroupOf;
    this.keySerializer = keySerializer;
    this.owner = owner;
    this.opener = opener;
  }

  /** A new, empty queue for the event-time or processing-time timers of the timer service {@code name}. */
  RocksDBTimerQueue create(String name, boolean eventTime) {
    String domain = eventTime ? "event" : "processing";
    String description = domain + "-time timers of timer service '" + name + "' of " + owner;
    ColumnFamilyHandle column;
    try {
      column = opener.createTimerColumn(db.get(), name, eventTime, columnOptions);
    } catch (RocksDBException e) {
      throw new IllegalStateException("Could not create the column family of the " + description
          + " (is a timer service of that name created twice?): " + e.getMessage(), e);
    }
    columns.add(column);
    RocksDBTimerQueue queue = new RocksDBTimerQueue(db, column, writeOptions, readOptions, keyGroupRange, keyGroupOf,
        keySerializer, name, eventTime, description, RocksDBTimerQueue.CACHE_SIZE);
    queues.add(queue);
    return queue;
  }

  /**
   * The synchronous part of a snapshot of every queue with timers: each function, given read
   * options on the database snapshot, returns what writes that queue's timers.
   */
  List<Function<ReadOptions, KeyedSnapshotWriter.StateSource>> snapshot() {
    List<Function<ReadOptions, KeyedSnapshotWriter.StateSource>> sources = new ArrayList<>();
    for (RocksDBTimerQueue queue : queues) {
      Function<ReadOptions, KeyedSnapshotWriter.StateSource> source = queue.snapshot();
      if (source != null) {
        sources.add(source);
      }
    }
    return sources;
  }

  /** Closes the column families' handles; call before closing the database. */
  void close() {
    columns.forEach(ColumnFamilyHandle::close);
    columns.clear();
    queues.clear();
  }
}
