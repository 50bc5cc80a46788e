package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.io.IOException;

/**
 * The snapshot of a {@link RowSerializer}: its arity, its field names (if it has them) and the
 * snapshot of each field's serializer. A new serializer reads the old bytes if it has as many fields
 * and every field's serializer can read its field's bytes; fields are written by position, so a
 * renamed field reads as before, and a row that gained or lost fields cannot be read.
 */
@Internal
public final class RowSerializerSnapshot extends CompositeSerializerSnapshot<Row, RowSerializer> {

  /** The largest arity a snapshot is believed to hold, to tell a corrupt snapshot from a wide row. */
  private static final int MAX_ARITY = 1 << 16;

  private int arity;
  private String[] fieldNames;

  /** For reading; {@link #readSnapshot} fills it in. */
  public RowSerializerSnapshot() {
    super(RowSerializer.class);
  }

  /** The snapshot of {@code serializer}. */
  public RowSerializerSnapshot(RowSerializer serializer) {
    super(RowSerializer.class, serializer);
    this.arity = serializer.getArity();
    this.fieldNames = serializer.getFieldNames();
  }

  @Override
  protected String[] nestedRoles() {
    String[] roles = new String[arity];
    for (int i = 0; i < arity; i++) {
      roles[i] = "row field " + (fieldNames == null ? Integer.toString(i) : i + " (" + fieldNames[i] + ")");
    }
    return roles;
  }

  @Override
  protected TypeSerializer<?>[] nestedSerializers(RowSerializer serializer) {
    return serializer.fieldSerializers();
  }

  @Override
  protected void writeOuterSnapshot(DataOutputView out) throws IOException {
    out.writeVarInt(arity);
    out.writeBoolean(fieldNames != null);
    if (fieldNames != null) {
      for (String name : fieldNames) {
        out.writeUTF(name);
      }
    }
  }

  @Override
  protected void readOuterSnapshot(DataInputView in, ClassLoader userClassLoader) throws IOException {
    try {
      arity = in.readVarInt();
      if (arity < 0 || arity > MAX_ARITY) {
        throw new IOException("the arity is " + arity);
      }
      fieldNames = null;
      if (in.readBoolean()) {
        fieldNames = new String[arity];
        for (int i = 0; i < arity; i++) {
          fieldNames[i] = in.readUTF();
        }
      }
    } catch (IOException e) {
      throw new IOException("Corrupt row serializer snapshot: cannot read its arity and field names: "
          + e.getMessage(), e);
    }
  }

  @Override
  protected String outerIncompatibility(RowSerializer newSerializer) {
    if (newSerializer.getArity() != arity) {
      return "the rows had " + arity + " fields when the state was written and have "
          + newSerializer.getArity() + " now; Spate cannot migrate rows to another number of fields";
    }
    return null;
  }

  @Override
  protected RowSerializer createSerializer(TypeSerializer<Object>[] nested) {
    return new RowSerializer(nested, fieldNames);
  }
}
