package io.spate.runtime.checkpoint.metadata;

import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes and reads the metadata file of a checkpoint or savepoint: every operator's state handles,
 * with small state inline. Files inside the checkpoint's directory are stored by relative path, so
 * that a savepoint directory can be moved; the {@code shared/} files of incremental checkpoints, which
 * sit beside it in the job's directory, relative to that directory, so that a job's checkpoint
 * directory can be moved as a whole. A CRC32 at the end catches corruption and truncation.
 *
 * <p>Version 2 added incremental keyed state handles and files relative to the parent directory;
 * version 3 the subtasks of each operator that had finished; versions 1 and 2 still read (with no
 * finished subtasks).
 */
public final class MetadataSerializer {

  /**
   * The name of the directory, beside the {@code chk-<n>} directories, of the shared files; the
   * format writes paths under it relative to the job directory.
   */
  public static final String SHARED_DIRECTORY = "shared";

  private static final int MAGIC = 0x5350434B; // "SPCK"
  private static final int VERSION = 3;
  private static final int FIRST_VERSION_WITH_FINISHED_SUBTASKS = 3;
  private static final int OLDEST_READABLE_VERSION = 1;
  private static final byte NO_HANDLE = 0;
  private static final byte INLINE = 1;
  private static final byte RELATIVE_FILE = 2;
  private static final byte ABSOLUTE_FILE = 3;
  private static final byte PARENT_RELATIVE_FILE = 4;
  private static final byte KEY_GROUPS = 1;
  private static final byte INCREMENTAL = 2;
  private static final int MAX_COUNT = 1 << 24;

  private MetadataSerializer() {}

  /** The bytes of {@code metadata}, with files under {@code directory} stored relative to it. */
  public static byte[] serialize(CheckpointMetadata metadata, Path directory) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(metadata.checkpointId());
    out.writeLong(metadata.timestamp());
    out.writeByte(metadata.type().ordinal());
    out.writeInt(metadata.operators().size());
    for (OperatorState op : metadata.operators().values()) {
      out.writeUTF(op.operatorId());
      out.writeUTF(op.name());
      out.writeInt(op.parallelism());
      out.writeInt(op.maxParallelism());
      writeBytes(out, op.coordinatorState());
      out.writeInt(op.subtaskStates().size());
      for (Map.Entry<Integer, OperatorSubtaskState> e : op.subtaskStates().entrySet()) {
        out.writeInt(e.getKey());
        writeSubtaskState(out, e.getValue(), directory);
      }
      out.writeInt(op.finishedSubtasks().size());
      for (int subtask : op.finishedSubtasks()) {
        out.writeInt(subtask);
      }
    }
    out.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  private static void writeSubtaskState(DataOutputStream out, OperatorSubtaskState state, Path dir) throws IOException {
    out.writeInt(state.keyedState().size());
    for (KeyedStateHandle handle : state.keyedState()) {
      if (handle instanceof KeyGroupsStateHandle k) {
        out.writeByte(KEY_GROUPS);
        writeKeyGroups(out, k, dir);
      } else if (handle instanceof IncrementalKeyedStateHandle inc) {
        out.writeByte(INCREMENTAL);
        writeIncremental(out, inc, dir);
      } else {
        throw new IOException("Cannot store keyed state handles of type " + handle.getClass().getName());
      }
    }
    out.writeInt(state.operatorState().size());
    for (OperatorStateHandle handle : state.operatorState()) {
      out.writeInt(handle.states().size());
      for (Map.Entry<String, OperatorStateHandle.StateMetaInfo> e : handle.states().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeByte(e.getValue().mode().ordinal());
        writeLongs(out, e.getValue().offsets());
      }
      writeHandle(out, handle.delegate(), dir);
    }
    out.writeInt(state.inputChannelState().size());
    for (InputChannelStateHandle handle : state.inputChannelState()) {
      out.writeInt(handle.inputIndex());
      out.writeLong(handle.count());
      writeHandle(out, handle.records(), dir);
    }
  }

  private static void writeKeyGroups(DataOutputStream out, KeyGroupsStateHandle k, Path dir) throws IOException {
    out.writeInt(k.keyGroupRange().startKeyGroup());
    out.writeInt(k.keyGroupRange().endKeyGroup());
    writeLongs(out, k.offsets());
    writeHandle(out, k.delegate(), dir);
  }

  private static void writeIncremental(DataOutputStream out, IncrementalKeyedStateHandle h, Path dir)
      throws IOException {
    out.writeLong(h.backendId().getMostSignificantBits());
    out.writeLong(h.backendId().getLeastSignificantBits());
    out.writeLong(h.checkpointId());
    out.writeInt(h.sharedFiles().size());
    for (Map.Entry<String, StreamStateHandle> file : h.sharedFiles().entrySet()) {
      out.writeUTF(file.getKey());
      out.writeBoolean(h.uploadedSharedFiles().contains(file.getKey()));
      writeHandle(out, file.getValue(), dir);
    }
    out.writeInt(h.privateFiles().size());
    for (Map.Entry<String, StreamStateHandle> file : h.privateFiles().entrySet()) {
      out.writeUTF(file.getKey());
      writeHandle(out, file.getValue(), dir);
    }
    writeKeyGroups(out, h.metaState(), dir);
  }

  private static void writeHandle(DataOutputStream out, StreamStateHandle handle, Path dir) throws IOException {
    if (handle == null) {
      out.writeByte(NO_HANDLE);
    } else if (handle instanceof ByteStreamStateHandle b) {
      out.writeByte(INLINE);
      out.writeUTF(b.name());
      writeBytes(out, b.data());
    } else if (handle instanceof FileStateHandle f) {
      Path path = f.path();
      if (dir != null && path.startsWith(dir)) {
        out.writeByte(RELATIVE_FILE);
        out.writeUTF(dir.relativize(path).toString());
      } else if (dir != null && dir.getParent() != null
          && path.startsWith(dir.getParent().resolve(SHARED_DIRECTORY))) {
        out.writeByte(PARENT_RELATIVE_FILE);
        out.writeUTF(dir.getParent().relativize(path).toString());
      } else {
        out.writeByte(ABSOLUTE_FILE);
        out.writeUTF(path.toAbsolutePath().toString());
      }
      out.writeLong(f.size());
    } else {
      throw new IOException("Cannot store state handles of type " + handle.getClass().getName());
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] data) throws IOException {
    if (data == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(data.length);
      out.write(data);
    }
  }

  private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
    out.writeInt(values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  /**
   * Reads metadata written by {@link #serialize}; relative files resolve against {@code directory}.
   * {@code source} names the file in error messages.
   */
  public static CheckpointMetadata deserialize(byte[] data, Path directory, String source) throws IOException {
    if (data.length < 16) {
      throw new IOException("The checkpoint metadata " + source + " is truncated (" + data.length + " bytes)");
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 8);
    long stored = ByteBuffer.wrap(data, data.length - 8, 8).getLong();
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 8));
    try {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IOException("The file " + source + " is not Spate checkpoint metadata (wrong magic number)");
      }
      if (stored != crc.getValue()) {
        throw new IOException("The checkpoint metadata " + source + " is corrupt or truncated (checksum mismatch)");
      }
      int version = in.readInt();
      if (version < OLDEST_READABLE_VERSION || version > VERSION) {
        throw new IOException("The checkpoint metadata " + source + " has format version " + version
            + "; this Spate reads versions " + OLDEST_READABLE_VERSION + " to " + VERSION
            + (version > VERSION ? " (it was written by a newer Spate)" : ""));
      }
      long id = in.readLong();
      long timestamp = in.readLong();
      int typeOrdinal = in.readByte();
      if (typeOrdinal < 0 || typeOrdinal >= CheckpointType.values().length) {
        throw new IOException("unknown checkpoint type " + typeOrdinal);
      }
      int operators = count(in, "operators");
      Map<String, OperatorState> states = new LinkedHashMap<>();
      for (int i = 0; i < operators; i++) {
        String opId = in.readUTF();
        String name = in.readUTF();
        int parallelism = in.readInt();
        int maxParallelism = in.readInt();
        byte[] coordinator = readBytes(in);
        int subtasks = count(in, "subtasks");
        Map<Integer, OperatorSubtaskState> subtaskStates = new HashMap<>();
        for (int s = 0; s < subtasks; s++) {
          int index = in.readInt();
          subtaskStates.put(index, readSubtaskState(in, directory));
        }
        Set<Integer> finished = new TreeSet<>();
        if (version >= FIRST_VERSION_WITH_FINISHED_SUBTASKS) {
          int count = count(in, "finished subtasks");
          for (int f = 0; f < count; f++) {
            int subtask = in.readInt();
            if (subtask < 0 || subtask >= parallelism) {
              throw new IOException("operator " + opId + " names finished subtask " + subtask + " of "
                  + parallelism);
            }
            finished.add(subtask);
          }
        }
        states.put(opId, new OperatorState(opId, name, parallelism, maxParallelism, subtaskStates, coordinator,
            finished));
      }
      return new CheckpointMetadata(id, timestamp, CheckpointType.values()[typeOrdinal], states);
    } catch (EOFException e) {
      throw new IOException("The checkpoint metadata " + source + " is truncated", e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains(source)) {
        throw e;
      }
      throw new IOException("The checkpoint metadata " + source + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static OperatorSubtaskState readSubtaskState(DataInputStream in, Path dir) throws IOException {
    int keyedCount = count(in, "keyed state handles");
    List<KeyedStateHandle> keyed = new ArrayList<>();
    for (int i = 0; i < keyedCount; i++) {
      byte tag = in.readByte();
      if (tag == KEY_GROUPS) {
        keyed.add(readKeyGroups(in, dir));
      } else if (tag == INCREMENTAL) {
        keyed.add(readIncremental(in, dir));
      } else {
        throw new IOException("unknown keyed state handle type " + tag);
      }
    }
    int operatorCount = count(in, "operator state handles");
    List<OperatorStateHandle> operator = new ArrayList<>();
    for (int i = 0; i < operatorCount; i++) {
      int stateCount = count(in, "operator states");
      Map<String, OperatorStateHandle.StateMetaInfo> infos = new LinkedHashMap<>();
      for (int s = 0; s < stateCount; s++) {
        String name = in.readUTF();
        int mode = in.readByte();
        if (mode < 0 || mode >= OperatorStateHandle.Mode.values().length) {
          throw new IOException("unknown distribution mode " + mode + " of operator state '" + name + "'");
        }
        infos.put(name, new OperatorStateHandle.StateMetaInfo(OperatorStateHandle.Mode.values()[mode], readLongs(in)));
      }
      operator.add(new OperatorStateHandle(infos, readHandle(in, dir)));
    }
    int channelCount = count(in, "input channel state handles");
    List<InputChannelStateHandle> channels = new ArrayList<>();
    for (int i = 0; i < channelCount; i++) {
      int inputIndex = in.readInt();
      long records = in.readLong();
      channels.add(new InputChannelStateHandle(inputIndex, readHandle(in, dir), records));
    }
    return new OperatorSubtaskState(keyed, operator, channels);
  }

  private static KeyGroupsStateHandle readKeyGroups(DataInputStream in, Path dir) throws IOException {
    KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
    long[] offsets = readLongs(in);
    if (offsets.length != range.size()) {
      throw new IOException(offsets.length + " key group offsets for the " + range.size() + " key groups of " + range);
    }
    return new KeyGroupsStateHandle(range, offsets, readHandle(in, dir));
  }

  private static IncrementalKeyedStateHandle readIncremental(DataInputStream in, Path dir) throws IOException {
    UUID backendId = new UUID(in.readLong(), in.readLong());
    long checkpointId = in.readLong();
    int sharedCount = count(in, "shared files");
    Map<String, StreamStateHandle> shared = new LinkedHashMap<>();
    Set<String> uploaded = new HashSet<>();
    for (int i = 0; i < sharedCount; i++) {
      String name = in.readUTF();
      if (in.readBoolean()) {
        uploaded.add(name);
      }
      shared.put(name, requireHandle(readHandle(in, dir), "shared file " + name));
    }
    int privateCount = count(in, "private files");
    Map<String, StreamStateHandle> privates = new LinkedHashMap<>();
    for (int i = 0; i < privateCount; i++) {
      String name = in.readUTF();
      privates.put(name, requireHandle(readHandle(in, dir), "private file " + name));
    }
    KeyGroupsStateHandle meta = readKeyGroups(in, dir);
    requireHandle(meta.delegate(), "state meta information");
    return new IncrementalKeyedStateHandle(backendId, checkpointId, meta.keyGroupRange(), shared, uploaded, privates,
        meta);
  }

  private static StreamStateHandle requireHandle(StreamStateHandle handle, String what) throws IOException {
    if (handle == null) {
      throw new IOException("an incremental keyed state handle without its " + what);
    }
    return handle;
  }

  private static StreamStateHandle readHandle(DataInputStream in, Path dir) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NO_HANDLE:
        return null;
      case INLINE:
        String name = in.readUTF();
        byte[] data = readBytes(in);
        if (data == null) {
          throw new IOException("inline state '" + name + "' without bytes");
        }
        return new ByteStreamStateHandle(name, data);
      case RELATIVE_FILE:
        if (dir == null) {
          throw new IOException("a state file relative to an unknown directory");
        }
        Path relative = inside(dir, dir, in.readUTF());
        return new FileStateHandle(relative, in.readLong());
      case PARENT_RELATIVE_FILE:
        if (dir == null || dir.getParent() == null) {
          throw new IOException("a state file relative to an unknown directory");
        }
        Path besides = inside(dir.getParent(), dir.getParent().resolve(SHARED_DIRECTORY),
            in.readUTF());
        return new FileStateHandle(besides, in.readLong());
      case ABSOLUTE_FILE:
        String path = in.readUTF();
        Path absolute = dir != null ? dir.getFileSystem().getPath(path) : Path.of(path);
        return new FileStateHandle(absolute, in.readLong());
      default:
        throw new IOException("unknown state handle type " + tag);
    }
  }

  /**
   * {@code entry} resolved against {@code base}, which must stay inside {@code container}: a state
   * file entry such as {@code ../../x} or an absolute one would have the job read, and once it claimed
   * the snapshot delete, files that are not the snapshot's.
   */
  private static Path inside(Path base, Path container, String entry) throws IOException {
    Path name;
    try {
      name = base.getFileSystem().getPath(entry);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IOException("the state file entry '" + entry + "' is not a valid path: " + e.getMessage(), e);
    }
    Path resolved = base.resolve(name);
    if (name.isAbsolute()
        || !resolved.toAbsolutePath().normalize().startsWith(container.toAbsolutePath().normalize())) {
      throw new IOException("the state file entry '" + entry + "' leaves the directory " + container
          + " it must be in");
    }
    return resolved;
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > in.available()) {
      throw new IOException("a byte array of length " + length + " with " + in.available() + " bytes left");
    }
    byte[] data = new byte[length];
    in.readFully(data);
    return data;
  }

  private static long[] readLongs(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || (long) length * 8 > in.available()) {
      throw new IOException("an array of " + length + " offsets with " + in.available() + " bytes left");
    }
    long[] values = new long[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readLong();
    }
    return values;
  }

  private static int count(DataInputStream in, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_COUNT) {
      throw new IOException("an impossible number of " + what + ": " + n);
    }
    return n;
  }
}
