package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import java.io.IOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Rewrites the values of a restored state whose value serializer changed: each value (list element,
 * map value) is read with the serializer the snapshot was written with and written with the new one;
 * the last-access times of TTL states are kept as they are.
 */
final class RocksDBStateMigration {

  private static final int BATCH_ROWS = 1024;

  private RocksDBStateMigration() {}

  static <T> void migrate(RocksDB db, ColumnFamilyHandle column, ReadOptions read, WriteOptions write, StateKind kind,
      boolean ttl, TypeSerializer<T> from, TypeSerializer<T> to, String stateName, String owner) {
    DataInputDeserializer in = new DataInputDeserializer();
    DataInputDeserializer element = new DataInputDeserializer();
    DataOutputSerializer out = new DataOutputSerializer(128);
    DataOutputSerializer scratch = new DataOutputSerializer(64);
    try (RocksIterator it = db.newIterator(column, read); WriteBatch batch = new WriteBatch()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] value = it.value();
        in.setBuffer(value);
        out.clear();
        switch (kind) {
          case LIST -> {
            while (in.available() > 0) {
              int length = in.readVarInt();
              element.setBuffer(value, value.length - in.available(), length);
              scratch.clear();
              if (ttl) {
                scratch.writeLong(element.readLong());
              }
              to.serialize(from.deserialize(element), scratch);
              out.writeVarInt(scratch.length());
              out.write(scratch.getSharedBuffer(), 0, scratch.length());
              in.skipBytes(length);
            }
          }
          case MAP -> {
            if (ttl) {
              out.writeLong(in.readLong());
            }
            boolean isNull = in.readBoolean();
            out.writeBoolean(isNull);
            if (!isNull) {
              to.serialize(from.deserialize(in), out);
            }
          }
          default -> {
            if (ttl) {
              out.writeLong(in.readLong());
            }
            to.serialize(from.deserialize(in), out);
          }
        }
        batch.put(column, it.key(), out.getCopyOfBuffer());
        if (batch.count() >= BATCH_ROWS) {
          db.write(write, batch);
          batch.clear();
        }
      }
      db.write(write, batch);
    } catch (IOException | RocksDBException | RuntimeException e) {
      throw new IllegalStateException("Could not migrate the values of state '" + stateName + "' of " + owner
          + " to its new serializer: " + e.getMessage(), e);
    }
  }
}
