package io.spate.runtime.state.operator;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStateOutputStream;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle.Mode;
import io.spate.runtime.state.snapshot.OperatorStateHandle.StateMetaInfo;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import io.spate.runtime.state.snapshot.UnreadableStateException;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bytes of an operator state snapshot: magic number, format version, header length and header
 * checksum; the header, naming each state with its mode, serializer snapshots, element count,
 * section length and section checksum; then each state's section of serialized elements (broadcast
 * maps: key then value per entry). The handle records the stream offset of every element, so that a
 * restore after a rescale reads only the elements it was given.
 */
final class OperatorStateFormat {

  private static final int MAGIC = 0x53504F53; // "SPOS"
  private static final int VERSION = 1;
  /** Magic, version, header length and header checksum. */
  private static final int PREFIX_LENGTH = 4 * Integer.BYTES;

  private OperatorStateFormat() {}

  /**
   * One state to write: its elements (lists) or {@link Map.Entry} entries (broadcast maps), and one
   * serializer per serialized part (element, or key and value).
   */
  record StateToWrite(String name, Mode mode, List<TypeSerializerSnapshot<?>> snapshots,
      List<TypeSerializer<?>> serializers, List<?> items) {}

  /**
   * One state as restored from one handle: the serializer snapshots it was written with and the
   * elements (broadcast maps: entries) the handle listed, read with the restored serializers.
   */
  record RestoredState(String name, Mode mode, List<TypeSerializerSnapshot<?>> snapshots, List<Object> items) {}

  /** Writes {@code states} to {@code out} and returns the handle with the offset of every element. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static OperatorStateHandle write(List<StateToWrite> states, CheckpointStateOutputStream out) throws IOException {
    List<long[]> relativeOffsets = new ArrayList<>(states.size());
    List<byte[]> sections = new ArrayList<>(states.size());
    DataOutputSerializer section = new DataOutputSerializer(256);
    for (StateToWrite state : states) {
      section.clear();
      long[] offsets = new long[state.items().size()];
      int i = 0;
      for (Object item : state.items()) {
        offsets[i++] = section.length();
        try {
          if (state.mode() == Mode.BROADCAST) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
            ((TypeSerializer) state.serializers().get(0)).serialize(entry.getKey(), section);
            ((TypeSerializer) state.serializers().get(1)).serialize(entry.getValue(), section);
          } else {
            ((TypeSerializer) state.serializers().get(0)).serialize(item, section);
          }
        } catch (IOException | RuntimeException e) {
          throw new IOException("Cannot serialize element " + (i - 1) + " of operator state '" + state.name()
              + "': " + e, e);
        }
      }
      relativeOffsets.add(offsets);
      sections.add(section.getCopyOfBuffer());
    }

    DataOutputSerializer header = new DataOutputSerializer(256);
    header.writeVarInt(states.size());
    for (int s = 0; s < states.size(); s++) {
      StateToWrite state = states.get(s);
      header.writeUTF(state.name());
      header.writeByte(state.mode().ordinal());
      for (TypeSerializerSnapshot<?> snapshot : state.snapshots()) {
        TypeSerializerSnapshot.writeVersionedSnapshot(header, snapshot);
      }
      header.writeVarInt(state.items().size());
      header.writeInt(sections.get(s).length);
      header.writeInt(checksum(sections.get(s), 0, sections.get(s).length));
    }
    DataOutputSerializer prefix = new DataOutputSerializer(PREFIX_LENGTH);
    prefix.writeInt(MAGIC);
    prefix.writeInt(VERSION);
    prefix.writeInt(header.length());
    prefix.writeInt(checksum(header.getSharedBuffer(), 0, header.length()));
    out.write(prefix.getSharedBuffer(), 0, prefix.length());

    long dataStart = out.getPos() + header.length();
    out.write(header.getSharedBuffer(), 0, header.length());
    Map<String, StateMetaInfo> metaInfos = new LinkedHashMap<>();
    long sectionStart = dataStart;
    for (int s = 0; s < states.size(); s++) {
      long[] offsets = relativeOffsets.get(s);
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] += sectionStart;
      }
      metaInfos.put(states.get(s).name(), new StateMetaInfo(states.get(s).mode(), offsets));
      out.write(sections.get(s));
      sectionStart += sections.get(s).length;
    }
    StreamStateHandle delegate = out.closeAndGetHandle();
    return new OperatorStateHandle(metaInfos, delegate);
  }

  private static int checksum(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /** A state's entry in a stream's header. */
  private record HeaderEntry(String name, Mode mode, List<TypeSerializerSnapshot<?>> snapshots, int count,
      int start, int length, int checksum) {}

  /**
   * Reads the states and elements that {@code handle} lists; {@code owner} names the operator
   * instance in errors.
   *
   * @throws IOException naming the stream and the state when the bytes are corrupt or truncated
   */
  static List<RestoredState> read(OperatorStateHandle handle, ClassLoader userClassLoader, String owner)
      throws IOException {
    String where = "the operator state of " + owner + " in " + handle.delegate();
    byte[] bytes;
    try (InputStream in = handle.delegate().openInputStream()) {
      bytes = in.readAllBytes();
    } catch (UnreadableStateException e) {
      throw new UnreadableStateException("Cannot read " + where + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException("Cannot read " + where + ": " + e, e);
    }
    Map<String, HeaderEntry> header = readHeader(bytes, userClassLoader, where);
    List<RestoredState> restored = new ArrayList<>(handle.states().size());
    for (Map.Entry<String, StateMetaInfo> e : handle.states().entrySet()) {
      String name = e.getKey();
      StateMetaInfo meta = e.getValue();
      HeaderEntry entry = header.get(name);
      if (entry == null) {
        throw new IOException("Corrupt checkpoint: " + where + " has no state '" + name + "' (it holds "
            + header.keySet() + ")");
      }
      if (entry.mode() != meta.mode()) {
        throw new IOException("Corrupt checkpoint: state '" + name + "' in " + where + " was written as "
            + entry.mode() + " but the checkpoint's metadata says " + meta.mode());
      }
      restored.add(readElements(bytes, entry, meta.offsets(), where));
    }
    return restored;
  }

  private static Map<String, HeaderEntry> readHeader(byte[] bytes, ClassLoader userClassLoader, String where)
      throws IOException {
    if (bytes.length < PREFIX_LENGTH) {
      throw new UnreadableStateException("Truncated checkpoint: " + where + " has only " + bytes.length + " bytes");
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new UnreadableStateException("Corrupt checkpoint: " + where
          + " is not an operator state snapshot (it starts with 0x"
          + Integer.toHexString(magic) + ")");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("Cannot read " + where + ": it has format version " + version
          + ", this code reads version " + VERSION);
    }
    int headerLength = in.readInt();
    int headerChecksum = in.readInt();
    if (headerLength < 0 || headerLength > in.available()) {
      throw new UnreadableStateException("Truncated checkpoint: " + where + " has " + bytes.length
          + " bytes, too few for its "
          + headerLength + "-byte header");
    }
    if (checksum(bytes, PREFIX_LENGTH, headerLength) != headerChecksum) {
      throw new UnreadableStateException("Corrupt checkpoint: the header of " + where + " does not match its checksum");
    }
    int dataStart = PREFIX_LENGTH + headerLength;
    in.setBuffer(bytes, PREFIX_LENGTH, headerLength);
    Map<String, HeaderEntry> entries = new LinkedHashMap<>();
    String current = null;
    try {
      int count = in.readVarInt();
      long start = dataStart;
      for (int s = 0; s < count; s++) {
        current = null;
        String name = in.readUTF();
        current = name;
        int modeOrdinal = in.readUnsignedByte();
        if (modeOrdinal >= Mode.values().length) {
          throw new IOException("unknown redistribution mode " + modeOrdinal);
        }
        Mode mode = Mode.values()[modeOrdinal];
        List<TypeSerializerSnapshot<?>> snapshots = new ArrayList<>(2);
        for (int p = 0; p < partsOf(mode); p++) {
          snapshots.add(TypeSerializerSnapshot.readVersionedSnapshot(in, userClassLoader));
        }
        int elements = in.readVarInt();
        int length = in.readInt();
        int checksum = in.readInt();
        if (elements < 0 || length < 0) {
          throw new IOException("negative size");
        }
        if (start + length > bytes.length) {
          throw new UnreadableStateException("Truncated checkpoint: " + where + " has " + bytes.length
              + " bytes, but the elements"
              + " of state '" + name + "' end at byte " + (start + length));
        }
        entries.put(name, new HeaderEntry(name, mode, snapshots, elements, (int) start, length, checksum));
        start += length;
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Truncated checkpoint")) {
        throw (IOException) e;
      }
      throw new IOException("Cannot read the header of " + where
          + (current == null ? "" : " at state '" + current + "'") + ": " + e.getMessage(), e);
    }
  }

  private static int partsOf(Mode mode) {
    return mode == Mode.BROADCAST ? 2 : 1;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RestoredState readElements(byte[] bytes, HeaderEntry entry, long[] offsets, String where)
      throws IOException {
    String state = "state '" + entry.name() + "' in " + where;
    if (checksum(bytes, entry.start(), entry.length()) != entry.checksum()) {
      throw new UnreadableStateException("Corrupt checkpoint: the elements of " + state
          + " do not match their checksum");
    }
    if (offsets.length > entry.count()) {
      throw new IOException("Corrupt checkpoint: the metadata lists " + offsets.length + " elements of " + state
          + ", which holds " + entry.count());
    }
    List<TypeSerializer> serializers = new ArrayList<>(2);
    for (TypeSerializerSnapshot<?> snapshot : entry.snapshots()) {
      serializers.add(snapshot.restoreSerializer());
    }
    long end = (long) entry.start() + entry.length();
    List<Object> items = new ArrayList<>(offsets.length);
    DataInputDeserializer in = new DataInputDeserializer();
    for (int i = 0; i < offsets.length; i++) {
      long offset = offsets[i];
      if (offset < entry.start() || offset >= end) {
        throw new IOException("Corrupt checkpoint: element " + i + " of " + state + " is at offset " + offset
            + ", outside the state's bytes " + entry.start() + ".." + end);
      }
      in.setBuffer(bytes, (int) offset, (int) (end - offset));
      try {
        if (entry.mode() == Mode.BROADCAST) {
          Object key = serializers.get(0).deserialize(in);
          Object value = serializers.get(1).deserialize(in);
          items.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
        } else {
          items.add(serializers.get(0).deserialize(in));
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException("Corrupt checkpoint: element " + i + " of " + state + " (at offset " + offset
            + ") cannot be read: " + e, e);
      }
    }
    return new RestoredState(entry.name(), entry.mode(), entry.snapshots(), items);
  }
}
