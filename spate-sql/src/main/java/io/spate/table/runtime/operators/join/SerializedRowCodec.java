package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.RowSerializer;
import io.spate.api.types.Row;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns rows into {@link SerializedRow}s and back with one row serializer, reusing its buffers: one
 * instance per operator, used by the task's thread only.
 */
@Internal
final class SerializedRowCodec {

  private final RowSerializer rows;
  private final String what;
  private final DataOutputSerializer out = new DataOutputSerializer(128);
  private final DataInputDeserializer in = new DataInputDeserializer();

  /** A codec of rows that {@code rows} writes; {@code what} names them in errors ("the left rows of ..."). */
  SerializedRowCodec(RowSerializer rows, String what) {
    this.rows = rows;
    this.what = what;
  }

  /** {@code row} serialized. */
  SerializedRow write(Row row) {
    out.clear();
    try {
      rows.serialize(row, out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize " + row + " as one of " + what + ": " + e.getMessage(), e);
    }
    return new SerializedRow(out.getCopyOfBuffer());
  }

  /** The row {@link #write} wrote as {@code bytes}. */
  Row read(byte[] bytes) {
    in.setBuffer(bytes);
    try {
      return rows.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read one of " + what + " from its " + bytes.length
          + " bytes in the state: " + e.getMessage(), e);
    }
  }
}
