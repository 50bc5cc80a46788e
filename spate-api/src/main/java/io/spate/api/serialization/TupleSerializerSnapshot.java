package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import io.spate.api.tuple.Tuple;
import java.io.IOException;

/**
 * The snapshot of a {@link TupleSerializer}: the tuple class's name, its arity and the snapshot of
 * each field's serializer. A new serializer reads the old bytes if it is for the same class and
 * every field's serializer can read its field's bytes; tuple fields have positions, not names, so
 * there is no adding or removing of fields.
 *
 * @param <T> the tuple type
 */
@Internal
public final class TupleSerializerSnapshot<T extends Tuple>
    extends CompositeSerializerSnapshot<T, TupleSerializer<T>> {

  private String tupleClassName;
  private int arity;
  private ClassLoader userClassLoader;

  /** For reading; {@link #readSnapshot} fills it in. */
  public TupleSerializerSnapshot() {
    super(TupleSerializer.class);
  }

  /** The snapshot of {@code serializer}. */
  public TupleSerializerSnapshot(TupleSerializer<T> serializer) {
    super(TupleSerializer.class, serializer);
    this.tupleClassName = serializer.getTupleClass().getName();
    this.arity = serializer.getArity();
    this.userClassLoader = serializer.getTupleClass().getClassLoader();
  }

  @Override
  protected String[] nestedRoles() {
    String[] roles = new String[arity];
    for (int i = 0; i < arity; i++) {
      roles[i] = "field f" + i;
    }
    return roles;
  }

  @Override
  protected TypeSerializer<?>[] nestedSerializers(TupleSerializer<T> serializer) {
    return serializer.fieldSerializers();
  }

  @Override
  protected void writeOuterSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(tupleClassName);
    out.writeVarInt(arity);
  }

  @Override
  protected void readOuterSnapshot(DataInputView in, ClassLoader userClassLoader) throws IOException {
    try {
      tupleClassName = in.readUTF();
      arity = in.readVarInt();
    } catch (IOException e) {
      throw new IOException(
          "Cannot read the class name and arity of a tuple serializer snapshot: " + e.getMessage(), e);
    }
    if (arity < 0 || arity > Tuple.MAX_ARITY) {
      throw new IOException(
          "Corrupt tuple serializer snapshot: the arity of " + tupleClassName + " is " + arity
              + ", but tuples have 0 to " + Tuple.MAX_ARITY + " fields");
    }
    this.userClassLoader = userClassLoader;
  }

  @Override
  protected String outerIncompatibility(TupleSerializer<T> newSerializer) {
    String newName = newSerializer.getTupleClass().getName();
    if (!newName.equals(tupleClassName)) {
      return "the state was written as " + tupleClassName + ", but the new serializer is for " + newName;
    }
    if (newSerializer.getArity() != arity) {
      return tupleClassName + " had " + arity + " fields when the state was written and has "
          + newSerializer.getArity() + " now";
    }
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected TupleSerializer<T> createSerializer(TypeSerializer<Object>[] nested) {
    Class<T> tupleClass;
    try {
      tupleClass = (Class<T>) Class.forName(tupleClassName, false, userClassLoader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "Cannot restore the serializer of " + tupleClassName + ": the class is not on the class path", e);
    }
    try {
      return new TupleSerializer<>(tupleClass, nested);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot restore the serializer of " + tupleClassName + ": " + e.getMessage(), e);
    }
  }
}
