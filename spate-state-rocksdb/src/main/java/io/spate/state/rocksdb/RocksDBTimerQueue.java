package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.timers.Timer;
import io.spate.runtime.timers.TimerQueue;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.serialization.TimerNamespaceSerializer;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The timers of one time domain of one timer service, in a column family of RocksDB: one row per
 * timer, keyed by key group (2 bytes), timestamp (8 bytes big-endian with the sign bit flipped, so
 * that byte order is numeric order), key and namespace, with an empty value.
 *
 * <p>The earliest rows of each key group ({@link #CACHE_SIZE} by default) are also held on the
 * heap, and the key groups with timers sit in a min-heap by their earliest timestamp, so finding
 * the next timer reads nothing from RocksDB: firing one deletes its row, and only when a key
 * group's cached rows run out while RocksDB holds more are the next ones read, in one seek.
 *
 * <p>A timer later than the cached rows is written without reading whether it exists. The rows
 * written so are remembered in a small direct-mapped table ({@link #WRITTEN_SLOTS}), so that the
 * same timer registered again soon after, as a window registers its end once per element, writes
 * nothing; a row the table forgot is just written again, which leaves one row.
 */
final class RocksDBTimerQueue implements TimerQueue {

  /** The rows of one key group cached on the heap, by default. */
  static final int CACHE_SIZE = 128;

  /** Rows remembered as written beyond the cache: a power of two. */
  static final int WRITTEN_SLOTS = 4096;

  private static final byte[] EMPTY = {};
  private static final int PREFIX = 10; // key group and timestamp

  private final Supplier<RocksDB> db;
  private final ColumnFamilyHandle column;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  private final KeyGroupRange keyGroupRange;
  private final ToIntFunction<Object> keyGroupOf;
  private final Supplier<TypeSerializer<?>> keySerializer;
  private final String name;
  private final boolean eventTime;
  private final String description;
  private final int cacheSize;
  private final TimerNamespaceSerializer namespaces = new TimerNamespaceSerializer();
  private final DataOutputSerializer rowOut = new DataOutputSerializer(64);
  private final DataInputDeserializer rowIn = new DataInputDeserializer();
  private byte[] scratch = EMPTY;
  private final KeyGroupTimers[] groups;
  // Rows known to be in RocksDB that the cache does not hold, each in the slot of its hash.
  private final byte[][] written = new byte[WRITTEN_SLOTS][];
  private KeyGroupTimers[] heap = new KeyGroupTimers[16];
  private int heapSize;

  /** The cached earliest rows of one key group, and its place in the heap of key groups. */
  private static final class KeyGroupTimers {
    final int keyGroup;
    final TreeMap<byte[], Timer> cache = new TreeMap<>(Arrays::compareUnsigned);
    /** Whether the cache holds every row of the key group; if not, it holds the smallest rows. */
    boolean complete = true;
    long head;
    int heapIndex = -1;

    KeyGroupTimers(int keyGroup) {
      this.keyGroup = keyGroup;
    }

    /** Whether {@code row}, if it exists, is in the cache. */
    boolean covers(byte[] row) {
      return complete || Arrays.compareUnsigned(row, cache.lastKey()) <= 0;
    }
  }

  /**
   * A queue for the event-time or processing-time timers of the timer service {@code name}, in the
   * empty {@code column} of {@code db} (a supplier that fails once the backend is disposed), for the
   * keys of {@code keyGroupRange}. {@code keySerializer} supplies the backend's key serializer once
   * {@code keyGroupOf} has seen a key; {@code description} names the queue in errors; up to {@code
   * cacheSize} rows of each key group are cached.
   */
  RocksDBTimerQueue(Supplier<RocksDB> db, ColumnFamilyHandle column, WriteOptions writeOptions, ReadOptions readOptions,
      KeyGroupRange keyGroupRange, ToIntFunction<Object> keyGroupOf, Supplier<TypeSerializer<?>> keySerializer,
      String name, boolean eventTime, String description, int cacheSize) {
    this.db = db;
    this.column = column;
    this.writeOptions = writeOptions;
    this.readOptions = readOptions;
    this.keyGroupRange = keyGroupRange;
    this.keyGroupOf = keyGroupOf;
    this.keySerializer = keySerializer;
    this.name = name;
    this.eventTime = eventTime;
    this.description = description;
    this.cacheSize = cacheSize;
    this.groups = new KeyGroupTimers[keyGroupRange.endKeyGroup() - keyGroupRange.startKeyGroup() + 1];
  }

  @Override
  public boolean add(long timestamp, Object key, Object namespace) {
    int keyGroup = keyGroupOf(key);
    KeyGroupTimers group = groups[keyGroup - keyGroupRange.startKeyGroup()];
    if (group == null) {
      group = new KeyGroupTimers(keyGroup);
      groups[keyGroup - keyGroupRange.startKeyGroup()] = group;
    }
    byte[] row = row(keyGroup, timestamp, key, namespace);
    if (!group.covers(row)) {
      // A timer later than the cached ones cannot be the head: write it blindly (an existing row
      // stays one row) rather than pay a read to learn whether it is new, unless it was just written.
      int slot = writtenSlot(row);
      if (Arrays.equals(written[slot], row)) {
        return false;
      }
      put(row);
      written[slot] = row;
      scratch = EMPTY; // the table keeps the row
      return true;
    }
    if (group.cache.containsKey(row)) {
      return false;
    }
    put(row);
    scratch = EMPTY; // the cache keeps the row
    group.cache.put(row, new Timer(timestamp, key, namespace));
    if (group.cache.size() > cacheSize) {
      group.cache.pollLastEntry();
      group.complete = false;
    }
    headChanged(group);
    return true;
  }

  @Override
  public boolean remove(long timestamp, Object key, Object namespace) {
    int keyGroup = keyGroupOf(key);
    KeyGroupTimers group = groups[keyGroup - keyGroupRange.startKeyGroup()];
    if (group == null || group.cache.isEmpty()) {
      return false;
    }
    byte[] row = row(keyGroup, timestamp, key, namespace);
    if (!group.covers(row)) {
      delete(row); // as in add: no read to learn whether it existed
      return true;
    }
    if (group.cache.remove(row) == null) {
      return false;
    }
    delete(row);
    if (group.cache.isEmpty() && !group.complete) {
      reload(group, row);
    }
    headChanged(group);
    return true;
  }

  @Override
  public Timer peek() {
    return heapSize == 0 ? null : heap[0].cache.firstEntry().getValue();
  }

  @Override
  public Timer poll() {
    if (heapSize == 0) {
      return null;
    }
    KeyGroupTimers group = heap[0];
    Map.Entry<byte[], Timer> first = group.cache.pollFirstEntry();
    delete(first.getKey());
    if (group.cache.isEmpty() && !group.complete) {
      reload(group, first.getKey());
    }
    headChanged(group);
    return first.getValue();
  }

  /** Counts the rows: a scan of the column family, for tests and metrics. */
  @Override
  public int size() {
    int count = 0;
    try (RocksIterator it = db.get().newIterator(column, readOptions)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void forEach(Visitor visitor) throws IOException {
    try (RocksIterator it = db.get().newIterator(column, readOptions)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        Timer timer = decode(it.key());
        visitor.visit(timer.key(), timer.namespace(), timer.timestamp());
      }
    }
  }

  @Override
  public boolean isSnapshotByBackend() {
    return true;
  }

  /**
   * The synchronous part of a snapshot: null if there are no timers, else what writes them in the
   * canonical form of timers (serialized key and namespace, then the timestamp as the value),
   * copying the rows that a read with the given options sees, without deserializing them.
   */
  Function<ReadOptions, KeyedSnapshotWriter.StateSource> snapshot() {
    if (heapSize == 0) {
      return null;
    }
    KeyedStateMetaInfo metaInfo = new KeyedStateMetaInfo(name, eventTime ? StateKind.EVENT_TIMERS
        : StateKind.PROCESSING_TIMERS, false, namespaces.snapshotConfiguration(),
        LongSerializer.INSTANCE.snapshotConfiguration(), null);
    return read -> new TimerRows(metaInfo, read);
  }

  /** Writes the rows of this queue's column family, key group by key group, as canonical entries. */
  private final class TimerRows implements KeyedSnapshotWriter.StateSource {
    private final KeyedStateMetaInfo metaInfo;
    private final ReadOptions read;

    TimerRows(KeyedStateMetaInfo metaInfo, ReadOptions read) {
      this.metaInfo = metaInfo;
      this.read = read;
    }

    @Override
    public KeyedStateMetaInfo metaInfo() {
      return metaInfo;
    }

    @Override
    public void writeKeyGroup(int keyGroup, KeyedSnapshotWriter.EntrySink sink) throws IOException {
      byte[] prefix = {(byte) (keyGroup >>> 8), (byte) keyGroup};
      byte[] timestamp = new byte[8];
      try (RocksIterator it = db.get().newIterator(column, read)) {
        for (it.seek(prefix); it.isValid(); it.next()) {
          byte[] row = it.key();
          if (row[0] != prefix[0] || row[1] != prefix[1]) {
            break;
          }
          System.arraycopy(row, 2, timestamp, 0, 8);
          timestamp[0] ^= (byte) 0x80; // back from the flipped sign to writeLong's form
          sink.entry(row, PREFIX, row.length - PREFIX, timestamp, 0, timestamp.length);
        }
      }
    }
  }

  private int keyGroupOf(Object key) {
    int keyGroup = keyGroupOf.applyAsInt(key);
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalStateException("A timer of key " + key + " is in key group " + keyGroup + ", which is not in"
          + " this subtask's key groups " + keyGroupRange.startKeyGroup() + ".." + keyGroupRange.endKeyGroup()
          + " (" + description + "): a key's hash changed between keyBy and the timer (is the key mutable?)");
    }
    return keyGroup;
  }

  /**
   * The row of a timer, in a scratch array that the next call reuses unless the caller kept it
   * (and cleared {@link #scratch}): rows of one queue mostly have one length, so checking for a
   * duplicate allocates nothing.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] row(int keyGroup, long timestamp, Object key, Object namespace) {
    rowOut.clear();
    try {
      rowOut.writeShort(keyGroup);
      rowOut.writeLong(timestamp ^ Long.MIN_VALUE);
      ((TypeSerializer) keySerializer.get()).serialize(key, rowOut);
      namespaces.serialize(namespace, rowOut);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize the timer (" + timestamp + ", " + key + ", " + namespace
          + ") of the " + description + ": " + e.getMessage(), e);
    }
    if (scratch.length != rowOut.length()) {
      scratch = new byte[rowOut.length()];
    }
    System.arraycopy(rowOut.getSharedBuffer(), 0, scratch, 0, scratch.length);
    return scratch;
  }

  private Timer decode(byte[] row) {
    long timestamp = 0;
    for (int i = 2; i < PREFIX; i++) {
      timestamp = (timestamp << 8) | (row[i] & 0xFF);
    }
    rowIn.setBuffer(row, PREFIX, row.length - PREFIX);
    try {
      Object key = keySerializer.get().deserialize(rowIn);
      Object namespace = namespaces.deserialize(rowIn);
      return new Timer(timestamp ^ Long.MIN_VALUE, key, namespace);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a timer of the " + description + ": " + e.getMessage(), e);
    }
  }

  private static int writtenSlot(byte[] row) {
    int h = Arrays.hashCode(row);
    return (h ^ (h >>> 16)) & (WRITTEN_SLOTS - 1);
  }

  /** Refills the empty cache of {@code group} with its smallest rows, all of which follow {@code after}. */
  private void reload(KeyGroupTimers group, byte[] after) {
    byte hi = (byte) (group.keyGroup >>> 8);
    byte lo = (byte) group.keyGroup;
    try (RocksIterator it = db.get().newIterator(column, readOptions)) {
      // Every row of the key group up to the last cached one was in the cache and is gone, so
      // seeking past it skips the deleted rows' tombstones.
      for (it.seek(after); it.isValid(); it.next()) {
        byte[] row = it.key();
        if (row[0] != hi || row[1] != lo) {
          break;
        }
        if (group.cache.size() == cacheSize) {
          return; // more rows follow: the cache stays incomplete
        }
        group.cache.put(row, decode(row));
      }
    }
    group.complete = true;
  }

  private void put(byte[] row) {
    try {
      db.get().put(column, writeOptions, row, EMPTY);
    } catch (RocksDBException e) {
      throw new IllegalStateException("Could not write the " + description + " to RocksDB: " + e.getMessage(), e);
    }
  }

  private void delete(byte[] row) {
    int slot = writtenSlot(row);
    if (Arrays.equals(written[slot], row)) {
      written[slot] = null;
    }
    try {
      db.get().delete(column, writeOptions, row);
    } catch (RocksDBException e) {
      throw new IllegalStateException("Could not delete from the " + description + " in RocksDB: " + e.getMessage(), e);
    }
  }

  /** Moves {@code group} in (or into, or out of) the heap of key groups after its cache changed. */
  private void headChanged(KeyGroupTimers group) {
    if (group.cache.isEmpty()) {
      if (group.heapIndex >= 0) {
        removeFromHeap(group.heapIndex);
        group.heapIndex = -1;
      }
      return;
    }
    long head = group.cache.firstEntry().getValue().timestamp();
    if (group.heapIndex < 0) {
      group.head = head;
      if (heapSize == heap.length) {
        heap = Arrays.copyOf(heap, heapSize * 2);
      }
      heap[heapSize] = group;
      group.heapIndex = heapSize++;
      siftUp(group.heapIndex);
    } else if (head != group.head) {
      long old = group.head;
      group.head = head;
      if (head < old) {
        siftUp(group.heapIndex);
      } else {
        siftDown(group.heapIndex);
      }
    }
  }

  private void removeFromHeap(int i) {
    heapSize--;
    KeyGroupTimers last = heap[heapSize];
    heap[heapSize] = null;
    if (i == heapSize) {
      return;
    }
    heap[i] = last;
    last.heapIndex = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  private void siftUp(int i) {
    KeyGroupTimers group = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      KeyGroupTimers p = heap[parent];
      if (p.head <= group.head) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = group;
    group.heapIndex = i;
  }

  private void siftDown(int i) {
    KeyGroupTimers group = heap[i];
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < heapSize && heap[right].head < heap[child].head) {
        child = right;
      }
      if (group.head <= heap[child].head) {
        break;
      }
      heap[i] = heap[child];
      heap[i].heapIndex = i;
      i = child;
    }
    heap[i] = group;
    group.heapIndex = i;
  }
}
