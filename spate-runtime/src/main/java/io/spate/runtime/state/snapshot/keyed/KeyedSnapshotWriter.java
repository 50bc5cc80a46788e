package io.spate.runtime.state.snapshot.keyed;

import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.CheckpointStateOutputStream;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.util.List;

/**
 * Writes keyed state in Spate's canonical snapshot format, which every backend writes and reads.
 *
 * <p>The stream holds a header block, then one block per key group at the offset that the handle
 * records; each block is checksummed ({@link ChecksummedBlockOutput}). The header: magic, format
 * version, the key serializer's snapshot, then per state its name, {@link StateKind}, TTL flag and
 * serializer snapshots. A key-group block: the key group, then for each state with entries its index
 * + 1 and its entries, each a flag byte 1, the length and bytes of the serialized key, namespace (and
 * map user key), the length and bytes of the value, and a 0 byte after the last; a 0 ends the block.
 *
 * <p>Values: for value, reducing and aggregating state the serialized value; for list state each
 * element as its varint length and bytes; for map state a null flag and the serialized value; for
 * timers the 8-byte timestamp. With TTL, each value, list element and map value starts with its
 * 8-byte last-access time.
 */
public final class KeyedSnapshotWriter {

  /** The first four bytes of every keyed snapshot. */
  static final int MAGIC = 0x53504B47;

  /** The format version this code writes. */
  static final int VERSION = 1;

  private KeyedSnapshotWriter() {}

  /** One state's part of a snapshot, as the asynchronous part of a backend's snapshot writes it. */
  public interface StateSource {
    /** What the header says about the state. */
    KeyedStateMetaInfo metaInfo();

    /** Writes the entries of {@code keyGroup}. */
    void writeKeyGroup(int keyGroup, EntrySink sink) throws IOException;
  }

  /** Receives the entries of one state in one key group. */
  public interface EntrySink {
    /** One entry: the serialized key, namespace (and user key), then the value. */
    void entry(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength)
        throws IOException;

    /** One entry from the contents of two buffers. */
    default void entry(DataOutputSerializer key, DataOutputSerializer value) throws IOException {
      entry(key.getSharedBuffer(), 0, key.length(), value.getSharedBuffer(), 0, value.length());
    }
  }

  /**
   * Writes the states into a new stream of {@code streams} named {@code name}; returns its handle,
   * or null if there are no states.
   */
  public static KeyGroupsStateHandle write(CheckpointStreamFactory streams, String name, KeyGroupRange range,
      TypeSerializerSnapshot<?> keySerializer, List<? extends StateSource> states) throws IOException {
    if (states.isEmpty()) {
      return null;
    }
    CheckpointStateOutputStream out = streams.createCheckpointStateOutputStream(name);
    boolean done = false;
    try {
      ChecksummedBlockOutput header = new ChecksummedBlockOutput(out);
      DataOutputSerializer h = header.data();
      h.writeInt(MAGIC);
      h.writeVarInt(VERSION);
      TypeSerializerSnapshot.writeVersionedSnapshot(h, keySerializer);
      h.writeVarInt(states.size());
      for (StateSource state : states) {
        KeyedStateMetaInfo meta = state.metaInfo();
        h.writeUTF(meta.name());
        h.writeByte(meta.kind().ordinal());
        h.writeBoolean(meta.ttl());
        TypeSerializerSnapshot.writeVersionedSnapshot(h, meta.namespaceSerializer());
        TypeSerializerSnapshot.writeVersionedSnapshot(h, meta.valueSerializer());
        h.writeBoolean(meta.userKeySerializer() != null);
        if (meta.userKeySerializer() != null) {
          TypeSerializerSnapshot.writeVersionedSnapshot(h, meta.userKeySerializer());
        }
      }
      header.finish();
      long[] offsets = new long[range.size()];
      for (int keyGroup = range.startKeyGroup(); keyGroup <= range.endKeyGroup(); keyGroup++) {
        offsets[keyGroup - range.startKeyGroup()] = out.getPos();
        writeKeyGroup(out, keyGroup, states);
      }
      StreamStateHandle handle = out.closeAndGetHandle();
      done = true;
      return new KeyGroupsStateHandle(range, offsets, handle);
    } finally {
      if (!done) {
        out.close();
      }
    }
  }

  private static void writeKeyGroup(CheckpointStateOutputStream out, int keyGroup, List<? extends StateSource> states)
      throws IOException {
    ChecksummedBlockOutput block = new ChecksummedBlockOutput(out);
    DataOutputSerializer data = block.data();
    data.writeInt(keyGroup);
    for (int i = 0; i < states.size(); i++) {
      int index = i;
      boolean[] started = {false};
      states.get(i).writeKeyGroup(keyGroup, (key, keyOffset, keyLength, value, valueOffset, valueLength) -> {
        if (!started[0]) {
          data.writeVarInt(index + 1);
          started[0] = true;
        }
        data.writeByte(1);
        data.writeVarInt(keyLength);
        data.write(key, keyOffset, keyLength);
        data.writeVarInt(valueLength);
        data.write(value, valueOffset, valueLength);
        block.maybeFlush();
      });
      if (started[0]) {
        data.writeByte(0);
      }
    }
    data.writeVarInt(0);
    block.finish();
  }
}
