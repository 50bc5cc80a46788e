package io.spate.runtime.state.heap;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the values heap states store into the canonical snapshot bytes and back (see {@link
 * io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter}): TTL values with their last-access time
 * in front, list elements each with its length, map values with a null flag.
 */
final class HeapEntryCodec {

  private HeapEntryCodec() {}

  @SuppressWarnings("unchecked")
  static void writeValue(HeapStateSerializers s, Object stored, DataOutputSerializer out, DataOutputSerializer scratch)
      throws IOException {
    if (s.kind == io.spate.runtime.state.snapshot.keyed.StateKind.LIST) {
      for (Object element : (List<Object>) stored) {
        writeListElement(s, element, out, scratch);
      }
    } else {
      writeSingle(s, stored, out);
    }
  }

  /** Appends one element of a list state's value to {@code out}. */
  static void writeListElement(HeapStateSerializers s, Object element, DataOutputSerializer out,
      DataOutputSerializer scratch) throws IOException {
    scratch.clear();
    writeSingle(s, element, scratch);
    out.writeVarInt(scratch.length());
    out.write(scratch.getSharedBuffer(), 0, scratch.length());
  }

  private static void writeSingle(HeapStateSerializers s, Object stored, DataOutputSerializer out) throws IOException {
    if (s.ttl) {
      TtlValue<?> ttl = (TtlValue<?>) stored;
      out.writeLong(ttl.lastAccess);
      s.value.serialize(ttl.value, out);
    } else {
      s.value.serialize(stored, out);
    }
  }

  static void writeMapValue(HeapStateSerializers s, Object stored, DataOutputSerializer out) throws IOException {
    Object value = stored;
    if (s.ttl) {
      TtlValue<?> ttl = (TtlValue<?>) stored;
      out.writeLong(ttl.lastAccess);
      value = ttl.value;
    }
    out.writeBoolean(value == null);
    if (value != null) {
      s.value.serialize(value, out);
    }
  }

  /** Reads a value, reducing or aggregating state's value, or a whole list. */
  static Object readValue(HeapStateSerializers s, byte[] bytes) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    if (s.kind == io.spate.runtime.state.snapshot.keyed.StateKind.LIST) {
      ArrayList<Object> list = new ArrayList<>();
      DataInputDeserializer element = new DataInputDeserializer();
      while (in.available() > 0) {
        int length = in.readVarInt();
        if (length < 0 || length > in.available()) {
          throw new IOException("corrupt list element length " + length);
        }
        element.setBuffer(bytes, bytes.length - in.available(), length);
        list.add(readSingle(s, element));
        in.skipBytes(length);
      }
      return list;
    }
    return readSingle(s, in);
  }

  private static Object readSingle(HeapStateSerializers s, DataInputDeserializer in) throws IOException {
    if (s.ttl) {
      long lastAccess = in.readLong();
      return new TtlValue<>(s.value.deserialize(in), lastAccess);
    }
    return s.value.deserialize(in);
  }

  /** Reads a map value: a {@link TtlValue} with TTL, else the value (which may be null). */
  static Object readMapValue(HeapStateSerializers s, byte[] bytes) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    long lastAccess = s.ttl ? in.readLong() : 0;
    Object value = in.readBoolean() ? null : s.value.deserialize(in);
    return s.ttl ? new TtlValue<>(value, lastAccess) : value;
  }
}
