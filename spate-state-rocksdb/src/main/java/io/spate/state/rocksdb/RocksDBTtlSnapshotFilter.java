package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.state.StateTtlConfig;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import java.io.IOException;

/**
 * Full-snapshot cleanup of one RocksDB TTL state: passes a snapshot the rows of the state without
 * the values (list elements, map entries) that have expired at the time the snapshot was taken.
 * It removes nothing from the database. One per state and snapshot, used by one thread.
 */
final class RocksDBTtlSnapshotFilter {

  private final boolean list;
  private final long ttlMillis;
  private final long now;
  private final DataInputDeserializer in = new DataInputDeserializer();
  private final DataOutputSerializer kept = new DataOutputSerializer(128);

  private RocksDBTtlSnapshotFilter(boolean list, long ttlMillis, long now) {
    this.list = list;
    this.ttlMillis = ttlMillis;
    this.now = now;
  }

  /** The filter of a state of {@code kind} with {@code ttl} for a snapshot at {@code now}; null if it keeps everything. */
  static RocksDBTtlSnapshotFilter forState(StateTtlConfig ttl, StateKind kind, long now) {
    if (!ttl.isEnabled() || !ttl.getCleanupStrategies().inFullSnapshot()) {
      return null;
    }
    return new RocksDBTtlSnapshotFilter(kind == StateKind.LIST, ttl.getTtlMillis(), now);
  }

  /** Passes the row {@code row} (key group first) with {@code value} to {@code sink}, less what has expired. */
  void write(byte[] row, byte[] value, KeyedSnapshotWriter.EntrySink sink) throws IOException {
    if (!list) {
      if (!expired(value, 0)) {
        sink.entry(row, 2, row.length - 2, value, 0, value.length);
      }
      return;
    }
    kept.clear();
    in.setBuffer(value);
    boolean dropped = false;
    while (in.available() > 0) {
      int length = in.readVarInt();
      int start = value.length - in.available();
      if (length < AbstractRocksDBTtlState.TIMESTAMP_BYTES || length > in.available()) {
        throw new IOException("corrupt list element length " + length);
      }
      if (expired(value, start)) {
        dropped = true;
      } else {
        kept.writeVarInt(length);
        kept.write(value, start, length);
      }
      in.skipBytes(length);
    }
    if (!dropped) {
      sink.entry(row, 2, row.length - 2, value, 0, value.length);
    } else if (kept.length() > 0) {
      sink.entry(row, 2, row.length - 2, kept.getSharedBuffer(), 0, kept.length());
    }
  }

  private boolean expired(byte[] value, int offset) {
    return AbstractRocksDBTtlState.isExpired(AbstractRocksDBTtlState.lastAccess(value, offset), now, ttlMillis);
  }
}
