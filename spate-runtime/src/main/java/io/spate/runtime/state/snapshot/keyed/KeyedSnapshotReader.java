package io.spate.runtime.state.snapshot.keyed;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.UnreadableStateException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads keyed snapshots written by {@link KeyedSnapshotWriter}: of each handle only the key groups in
 * the restoring instance's range, found by their offsets. Any damage (a truncated stream, changed
 * bytes, an unknown format) fails with a message naming the handle, key group and state.
 */
public final class KeyedSnapshotReader {

  private KeyedSnapshotReader() {}

  /** Where the restored state goes. */
  public interface RestoreTarget {
    /** The key serializer's snapshot, once per handle, before its states. */
    void restoreKeySerializer(TypeSerializerSnapshot<?> snapshot) throws IOException;

    /** A state of a handle's header; returns what receives its entries. Called once per handle and state. */
    EntryConsumer restoreState(KeyedStateMetaInfo metaInfo) throws IOException;
  }

  /** Receives the entries of one state. */
  @FunctionalInterface
  public interface EntryConsumer {
    /** One entry of {@code keyGroup}: the serialized key and namespace (and user key), and the value. */
    void entry(int keyGroup, byte[] key, byte[] value) throws IOException;
  }

  /** Reads the key groups of {@code range} from each of {@code handles} into {@code target}. */
  public static void restore(List<KeyedStateHandle> handles, KeyGroupRange range, ClassLoader userClassLoader,
      RestoreTarget target) throws IOException {
    for (KeyedStateHandle handle : handles) {
      if (handle == null) {
        continue;
      }
      if (handle instanceof IncrementalKeyedStateHandle) {
        throw new IOException("Cannot restore keyed state from " + handle + ": it was taken incrementally by the"
            + " rocksdb backend; restore it with the rocksdb backend (state.backend.type: rocksdb), or take a"
            + " savepoint with rocksdb and restore from that");
      }
      if (!(handle instanceof KeyGroupsStateHandle groups)) {
        throw new IOException("Cannot restore keyed state from " + handle + ": not a snapshot in the canonical"
            + " key-group format (" + handle.getClass().getName() + ")");
      }
      int start = Math.max(range.startKeyGroup(), groups.keyGroupRange().startKeyGroup());
      int end = Math.min(range.endKeyGroup(), groups.keyGroupRange().endKeyGroup());
      if (start > end) {
        continue;
      }
      new HandleReader(groups, userClassLoader, target).read(start, end);
    }
  }

  /** A {@link DataInputView} over a stream. */
  private static final class StreamInputView extends DataInputStream implements DataInputView {
    StreamInputView(InputStream in) {
      super(in);
    }
  }

  private static final class HandleReader {
    private final KeyGroupsStateHandle handle;
    private final ClassLoader userClassLoader;
    private final RestoreTarget target;
    private final long size;
    private final List<KeyedStateMetaInfo> states = new ArrayList<>();
    private final List<EntryConsumer> consumers = new ArrayList<>();
    private int keyGroup = -1;
    private String stateName;

    HandleReader(KeyGroupsStateHandle handle, ClassLoader userClassLoader, RestoreTarget target) {
      this.handle = handle;
      this.userClassLoader = userClassLoader;
      this.target = target;
      this.size = handle.getStateSize();
    }

    void read(int start, int end) throws IOException {
      try (InputStream in = handle.delegate().openInputStream()) {
        long position = readHeader(in);
        for (keyGroup = start; keyGroup <= end; keyGroup++) {
          stateName = null;
          long offset = handle.offsetOf(keyGroup);
          if (offset < position || offset >= size) {
            throw new UnreadableStateException("its offset " + offset + " is outside the stream (" + size
                + " bytes, at " + position
                + ")");
          }
          in.skipNBytes(offset - position);
          ChecksummedBlockInput block = new ChecksummedBlockInput(in, size - offset);
          readKeyGroup(block);
          position = offset + block.consumed();
        }
      } catch (IOException | RuntimeException e) {
        String message = "Cannot restore keyed state from " + handle.delegate() + where() + ": " + describe(e);
        // Bytes that fail their checksum or end early are damage; anything else read correct bytes.
        throw e instanceof UnreadableStateException || e instanceof EOFException
            ? new UnreadableStateException(message, e) : new IOException(message, e);
      }
    }

    private String where() {
      String at = keyGroup < 0 ? " (header)" : " (key group " + keyGroup;
      if (keyGroup >= 0) {
        at += stateName == null ? ")" : ", state '" + stateName + "')";
      }
      return at;
    }

    private static String describe(Throwable e) {
      if (e instanceof EOFException && e.getMessage() == null) {
        return "the block ends early: the stream is truncated or damaged";
      }
      return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private long readHeader(InputStream in) throws IOException {
      ChecksummedBlockInput block = new ChecksummedBlockInput(in, size);
      StreamInputView data = new StreamInputView(block);
      int magic = data.readInt();
      if (magic != KeyedSnapshotWriter.MAGIC) {
        throw new IOException("not a keyed state snapshot (it starts with 0x" + Integer.toHexString(magic) + ")");
      }
      int version = data.readVarInt();
      if (version < 1 || version > KeyedSnapshotWriter.VERSION) {
        throw new IOException("unknown format version " + version + "; this code reads up to version "
            + KeyedSnapshotWriter.VERSION);
      }
      target.restoreKeySerializer(TypeSerializerSnapshot.readVersionedSnapshot(data, userClassLoader));
      int count = data.readVarInt();
      if (count < 0 || count > size) {
        throw new IOException("corrupt number of states " + count);
      }
      StateKind[] kinds = StateKind.values();
      for (int i = 0; i < count; i++) {
        String name = data.readUTF();
        stateName = name;
        int kind = data.readByte();
        if (kind < 0 || kind >= kinds.length) {
          throw new IOException("unknown kind " + kind + " of state '" + name + "'");
        }
        boolean ttl = data.readBoolean();
        TypeSerializerSnapshot<?> namespace = TypeSerializerSnapshot.readVersionedSnapshot(data, userClassLoader);
        TypeSerializerSnapshot<?> value = TypeSerializerSnapshot.readVersionedSnapshot(data, userClassLoader);
        TypeSerializerSnapshot<?> userKey =
            data.readBoolean() ? TypeSerializerSnapshot.readVersionedSnapshot(data, userClassLoader) : null;
        KeyedStateMetaInfo meta = new KeyedStateMetaInfo(name, kinds[kind], ttl, namespace, value, userKey);
        states.add(meta);
        consumers.add(target.restoreState(meta));
      }
      stateName = null;
      if (block.read() >= 0 || !block.isEnded()) {
        throw new IOException("the header has bytes after its last state");
      }
      return block.consumed();
    }

    private void readKeyGroup(ChecksummedBlockInput block) throws IOException {
      StreamInputView data = new StreamInputView(block);
      int stored = data.readInt();
      if (stored != keyGroup) {
        throw new IOException("the block at its offset is of key group " + stored);
      }
      int index;
      while ((index = data.readVarInt()) != 0) {
        if (index < 0 || index > states.size()) {
          throw new IOException("unknown state index " + index + " (the header has " + states.size() + ")");
        }
        stateName = states.get(index - 1).name();
        EntryConsumer consumer = consumers.get(index - 1);
        int flag;
        while ((flag = data.readByte()) == 1) {
          byte[] key = readBytes(data);
          byte[] value = readBytes(data);
          consumer.entry(keyGroup, key, value);
        }
        if (flag != 0) {
          throw new IOException("corrupt entry marker " + flag);
        }
        stateName = null;
      }
      if (block.read() >= 0 || !block.isEnded()) {
        throw new IOException("the block has bytes after its end");
      }
    }

    private byte[] readBytes(StreamInputView data) throws IOException {
      int length = data.readVarInt();
      if (length < 0 || length > size) {
        throw new IOException("corrupt length " + length);
      }
      byte[] bytes = new byte[length];
      data.readFully(bytes);
      return bytes;
    }
  }
}
