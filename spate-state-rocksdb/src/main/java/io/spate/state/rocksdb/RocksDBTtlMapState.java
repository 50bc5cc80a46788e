package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.StateTtlConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * {@link io.spate.api.state.MapState} in RocksDB with a time to live per entry: one row per user key
 * as in {@link RocksDBMapState}, whose value is the entry's last-access time, a null flag and the
 * serialized user value.
 */
final class RocksDBTtlMapState<K, N, UK, UV> extends RocksDBMapState<K, N, UK, UV> {

  /** What {@link #read} returns for an absent or invisible entry (a present entry's value may be null). */
  private static final Object ABSENT = new Object();

  private final StateTtlConfig ttl;
  private final long ttlMillis;
  private final boolean updateOnRead;
  private final boolean returnExpired;
  private final LongSupplier clock;
  private final DataOutputSerializer entryOut = new DataOutputSerializer(64);
  private final DataInputDeserializer entryIn = new DataInputDeserializer();

  RocksDBTtlMapState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> userValueSerializer, StateTtlConfig ttl) {
    super(backend, column, name, userKeySerializer, userValueSerializer);
    this.ttl = ttl;
    this.ttlMillis = ttl.getTtlMillis();
    this.updateOnRead = ttl.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired = ttl.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    this.clock = backend.ttlClock;
  }

  @Override
  StateTtlConfig ttlConfig() {
    return ttl;
  }

  private boolean expired(byte[] stored, long now) {
    return AbstractRocksDBTtlState.isExpired(AbstractRocksDBTtlState.lastAccess(stored, 0), now, ttlMillis);
  }

  @Override
  @SuppressWarnings("unchecked")
  public UV get(UK key) {
    Object value = read(key, clock.getAsLong());
    return value == ABSENT ? null : (UV) value;
  }

  @Override
  public boolean contains(UK key) {
    return read(key, clock.getAsLong()) != ABSENT;
  }

  /** Reads the entry of {@code key} as a user read does: its value, or {@link #ABSENT}. */
  private Object read(UK key, long now) {
    int length = userRowKey(key);
    byte[] stored = getRaw(rowKey.getSharedBuffer(), length);
    if (stored == null) {
      return ABSENT;
    }
    if (!expired(stored, now)) {
      if (updateOnRead) {
        AbstractRocksDBTtlState.setLastAccess(stored, 0, now);
        putBytes(rowKey.getSharedBuffer(), length, stored);
      }
      return decode(stored);
    }
    deleteRaw(rowKey.getSharedBuffer(), length);
    return returnExpired ? decode(stored) : ABSENT;
  }

  @Override
  public void put(UK key, UV value) {
    put(key, value, clock.getAsLong());
  }

  private void put(UK key, UV value, long now) {
    int length = userRowKey(key);
    putRaw(rowKey.getSharedBuffer(), length, encode(value, now));
  }

  @Override
  public void putAll(Map<UK, UV> entries) {
    if (entries == null || entries.isEmpty()) {
      return;
    }
    long now = clock.getAsLong();
    entries.forEach((key, value) -> put(key, value, now));
  }

  @Override
  public boolean isEmpty() {
    long now = clock.getAsLong();
    RawRows rows = new RawRows();
    if (returnExpired) {
      return !rows.hasNext();
    }
    boolean alive = false;
    while (rows.hasNext()) {
      byte[][] row = rows.next();
      if (expired(row[1], now)) {
        deleteRaw(row[0], row[0].length);
      } else {
        alive = true;
      }
    }
    return !alive;
  }

  @Override
  public void clear() {
    RawRows rows = new RawRows();
    while (rows.hasNext()) {
      byte[] row = rows.next()[0];
      deleteRaw(row, row.length);
    }
  }

  @Override
  public Iterable<UK> keys() {
    return () -> new EntryIterator<>(Map.Entry::getKey);
  }

  @Override
  public Iterable<UV> values() {
    return () -> new EntryIterator<>(Map.Entry::getValue);
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    return new EntryIterator<>(Function.identity());
  }

  private DataOutputSerializer encode(UV value, long now) {
    entryOut.clear();
    try {
      entryOut.writeLong(now);
      entryOut.writeBoolean(value == null);
      if (value != null) {
        userValueSerializer.serialize(value, entryOut);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize a value of map state '" + name() + "'", e);
    }
    return entryOut;
  }

  private UV decode(byte[] stored) {
    entryIn.setBuffer(stored, AbstractRocksDBTtlState.TIMESTAMP_BYTES,
        stored.length - AbstractRocksDBTtlState.TIMESTAMP_BYTES);
    try {
      return entryIn.readBoolean() ? null : userValueSerializer.deserialize(entryIn);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a value of map state '" + name() + "'", e);
    }
  }

  /**
   * The visible entries of the current key and namespace, with the read rules applied to each row as
   * it is reached: expired rows are deleted (and still returned if expired values are visible),
   * and with {@code OnReadAndWrite} the others get a new last-access time.
   */
  private final class EntryIterator<T> implements Iterator<T> {
    private final Function<Map.Entry<UK, UV>, T> view;
    private final RawRows rows = new RawRows();
    private final long now = clock.getAsLong();
    private TtlEntry next;
    private TtlEntry last;

    EntryIterator(Function<Map.Entry<UK, UV>, T> view) {
      this.view = view;
    }

    @Override
    public boolean hasNext() {
      while (next == null && rows.hasNext()) {
        byte[][] row = rows.next();
        byte[] key = row[0];
        byte[] stored = row[1];
        if (expired(stored, now)) {
          deleteRaw(key, key.length);
          if (returnExpired) {
            next = new TtlEntry(key, decodeUserKey(key, rows.prefix.length), decode(stored));
          }
        } else {
          if (updateOnRead) {
            AbstractRocksDBTtlState.setLastAccess(stored, 0, now);
            putBytes(key, key.length, stored);
          }
          next = new TtlEntry(key, decodeUserKey(key, rows.prefix.length), decode(stored));
        }
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = next;
      next = null;
      return view.apply(last);
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("remove() must follow next().");
      }
      deleteRaw(last.row, last.row.length);
      last = null;
    }
  }

  /** A visible entry; setting its value is a write. */
  private final class TtlEntry implements Map.Entry<UK, UV> {
    private final byte[] row;
    private final UK key;
    private UV value;

    TtlEntry(byte[] row, UK key, UV value) {
      this.row = row;
      this.key = key;
      this.value = value;
    }

    @Override
    public UK getKey() {
      return key;
    }

    @Override
    public UV getValue() {
      return value;
    }

    @Override
    public UV setValue(UV newValue) {
      UV previous = value;
      putRaw(row, row.length, encode(newValue, clock.getAsLong()));
      value = newValue;
      return previous;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> other && Objects.equals(key, other.getKey())
          && Objects.equals(value, other.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  /**
   * The rows (key and value) of the current key and namespace, fixed when created, read in chunks
   * through short-lived native iterators so that the caller may write between steps.
   */
  private final class RawRows implements Iterator<byte[][]> {
    final byte[] prefix = rowKey(namespace);
    private final List<byte[][]> buffer = new ArrayList<>();
    private int position;
    private byte[] lastRow;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      if (position >= buffer.size() && !exhausted) {
        fill();
      }
      return position < buffer.size();
    }

    @Override
    public byte[][] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.get(position++);
    }

    private void fill() {
      buffer.clear();
      position = 0;
      try (RocksIterator it = backend.db().newIterator(column, backend.readOptions)) {
        if (lastRow == null) {
          it.seek(prefix);
        } else {
          it.seek(lastRow);
          if (it.isValid() && Arrays.equals(it.key(), lastRow)) {
            it.next();
          }
        }
        for (; it.isValid() && buffer.size() < RocksDBKeyedStateBackend.ITERATION_CHUNK; it.next()) {
          byte[] row = it.key();
          if (row.length < prefix.length || !Arrays.equals(row, 0, prefix.length, prefix, 0, prefix.length)) {
            exhausted = true;
            return;
          }
          lastRow = row;
          buffer.add(new byte[][] {row, it.value()});
        }
        if (!it.isValid()) {
          exhausted = true;
        }
      }
    }
  }
}
