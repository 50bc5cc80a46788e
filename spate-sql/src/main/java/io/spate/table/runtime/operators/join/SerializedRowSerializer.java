package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.RowSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import java.io.IOException;

/**
 * Serializes {@link SerializedRow}s: the length of the row's bytes as a varint, then the bytes, which
 * {@code rowSerializer} wrote. Every state backend writes a join's rows in this one form; the row
 * serializer is what the snapshot records, so a restore checks the rows' type.
 */
@Internal
public final class SerializedRowSerializer extends TypeSerializer<SerializedRow> {

  private static final long serialVersionUID = 1L;

  private final RowSerializer rowSerializer;

  /** A serializer of rows that {@code rowSerializer} writes. */
  public SerializedRowSerializer(RowSerializer rowSerializer) {
    this.rowSerializer = rowSerializer;
  }

  /** The serializer of the rows inside. */
  public RowSerializer rowSerializer() {
    return rowSerializer;
  }

  @Override
  public void serialize(SerializedRow value, DataOutputView target) throws IOException {
    byte[] bytes = value.bytes();
    target.writeVarInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public SerializedRow deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[readLength(source)];
    source.readFully(bytes);
    return new SerializedRow(bytes);
  }

  /** The value itself: it never changes. */
  @Override
  public SerializedRow copy(SerializedRow value) {
    return value;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  /** This serializer: it keeps nothing between calls and never calls the row serializer. */
  @Override
  public TypeSerializer<SerializedRow> duplicate() {
    return this;
  }

  @Override
  public TypeSerializerSnapshot<SerializedRow> snapshotConfiguration() {
    return new SerializedRowSerializerSnapshot(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerializedRowSerializer other && other.rowSerializer.equals(rowSerializer);
  }

  @Override
  public int hashCode() {
    return rowSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "SerializedRowSerializer(" + rowSerializer + ")";
  }
}
