package io.spate.api.serialization;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads enum constants written by ordinal while the enum had other constants, mapping each old
 * ordinal to the current constant of the same name; writes the current ordinal, as an {@link
 * EnumSerializer} of the enum as it is now does.
 */
final class RestoredEnumSerializer<E extends Enum<E>> extends ImmutableValueSerializer<E> {

  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;
  private final E[] byOldOrdinal;
  private final String[] oldNames;

  RestoredEnumSerializer(Class<E> enumClass, E[] byOldOrdinal, String[] oldNames) {
    this.enumClass = enumClass;
    this.byOldOrdinal = byOldOrdinal;
    this.oldNames = oldNames;
  }

  @Override
  public void serialize(E value, DataOutputView target) throws IOException {
    target.writeVarInt(value.ordinal());
  }

  @Override
  public E deserialize(DataInputView source) throws IOException {
    int ordinal = source.readVarInt();
    if (ordinal < 0 || ordinal >= byOldOrdinal.length) {
      throw new IOException(
          "Corrupt input: ordinal " + ordinal + " does not exist in " + enumClass.getName()
              + ", which had " + byOldOrdinal.length + " constants when the state was written");
    }
    E constant = byOldOrdinal[ordinal];
    if (constant == null) {
      throw new IOException(
          "The state holds the constant " + oldNames[ordinal] + " of the enum " + enumClass.getName()
              + ", which no longer exists; restore it, or migrate the state with the previous code");
    }
    return constant;
  }

  @Override
  public TypeSerializerSnapshot<E> snapshotConfiguration() {
    return new EnumSerializerSnapshot<>(new EnumSerializer<>(enumClass));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestoredEnumSerializer<?> other
        && other.enumClass == enumClass
        && Arrays.equals(other.oldNames, oldNames);
  }

  @Override
  public int hashCode() {
    return 31 * enumClass.hashCode() + Arrays.hashCode(oldNames);
  }

  @Override
  public String toString() {
    return "RestoredEnumSerializer(" + enumClass.getName() + " from " + Arrays.toString(oldNames) + ")";
  }
}
