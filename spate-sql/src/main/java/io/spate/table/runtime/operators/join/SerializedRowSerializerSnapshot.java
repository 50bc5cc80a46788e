package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.RowSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.types.Row;
import java.io.IOException;

/**
 * The snapshot of a {@link SerializedRowSerializer}: the snapshot of its row serializer. The bytes of
 * the rows are read by the join's row serializer of the day, so a new serializer reads the state only
 * if its row serializer reads the old rows as they are; rows that would need a migration (their
 * bytes rewritten) are refused with the reason, since a migration would copy the bytes unchanged.
 */
@Internal
public final class SerializedRowSerializerSnapshot implements TypeSerializerSnapshot<SerializedRow> {

  private TypeSerializerSnapshot<Row> rows;

  /** For reading; {@link #readSnapshot} fills it in. */
  public SerializedRowSerializerSnapshot() {}

  /** The snapshot of {@code serializer}. */
  public SerializedRowSerializerSnapshot(SerializedRowSerializer serializer) {
    this.rows = serializer.rowSerializer().snapshotConfiguration();
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    TypeSerializerSnapshot.writeVersionedSnapshot(out, rows);
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != 1) {
      throw new IOException("Unknown version " + readVersion + " of the serializer snapshot " + getClass().getName());
    }
    rows = TypeSerializerSnapshot.readVersionedSnapshot(in, userClassLoader);
  }

  @Override
  public TypeSerializer<SerializedRow> restoreSerializer() {
    TypeSerializer<Row> restored = rows.restoreSerializer();
    if (!(restored instanceof RowSerializer rowSerializer)) {
      throw new IllegalStateException("The rows of a join's state were written by " + restored
          + ", not by a row serializer");
    }
    return new SerializedRowSerializer(rowSerializer);
  }

  @Override
  public TypeSerializerSchemaCompatibility<SerializedRow> resolveSchemaCompatibility(
      TypeSerializer<SerializedRow> newSerializer) {
    if (!(newSerializer instanceof SerializedRowSerializer serializer)) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the serializer changed from a SerializedRowSerializer to " + newSerializer);
    }
    TypeSerializerSchemaCompatibility<Row> nested = rows.resolveSchemaCompatibility(serializer.rowSerializer());
    if (nested.isCompatibleAsIs()) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return TypeSerializerSchemaCompatibility.incompatible("the join's stored rows "
        + (nested.isIncompatible() ? "cannot be read: " + nested.message()
            : "would need their bytes rewritten, which a join's state cannot do; start the query afresh"));
  }
}
