package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.util.Objects;

/**
 * Serializes the constants of one enum by ordinal.
 *
 * @param <E> the enum type
 */
@Internal
public final class EnumSerializer<E extends Enum<E>> extends ImmutableValueSerializer<E> {

  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;
  // Volatile because this stateless serializer is shared across threads and filled in lazily.
  private transient volatile E[] constants;

  /** Creates the serializer for {@code enumClass}. */
  public EnumSerializer(Class<E> enumClass) {
    this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
    if (!enumClass.isEnum()) {
      throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
    }
  }

  /** The enum class. */
  public Class<E> getEnumClass() {
    return enumClass;
  }

  @Override
  public void serialize(E value, DataOutputView target) throws IOException {
    target.writeVarInt(value.ordinal());
  }

  @Override
  public E deserialize(DataInputView source) throws IOException {
    E[] values = constants;
    if (values == null) {
      values = enumClass.getEnumConstants();
      constants = values;
    }
    int ordinal = source.readVarInt();
    if (ordinal < 0 || ordinal >= values.length) {
      throw new IOException(
          "Corrupt input or changed enum: ordinal " + ordinal + " does not exist in "
              + enumClass.getName() + ", which has " + values.length + " constants");
    }
    return values[ordinal];
  }

  /** The enum's first constant, as in Flink; null for an enum without constants. */
  @Override
  public E createInstance() {
    E[] values = enumClass.getEnumConstants();
    return values.length == 0 ? null : values[0];
  }

  @Override
  public TypeSerializerSnapshot<E> snapshotConfiguration() {
    return new EnumSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumSerializer<?> other && other.enumClass == enumClass;
  }

  @Override
  public int hashCode() {
    return enumClass.hashCode();
  }

  @Override
  public String toString() {
    return "EnumSerializer(" + enumClass.getName() + ")";
  }
}
