package io.spate.table.runtime.keys;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import java.io.IOException;

/** Serializes one-field keys: a byte 0 for {@link NullKey}, else a byte 1 and the value. */
@Internal
final class SingleValueKeySerializer extends TypeSerializer<Object> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<Object> field;

  SingleValueKeySerializer(TypeSerializer<Object> field) {
    this.field = field;
  }

  @Override
  public void serialize(Object key, DataOutputView target) throws IOException {
    if (key == NullKey.INSTANCE) {
      target.writeByte(0);
    } else {
      target.writeByte(1);
      field.serialize(key, target);
    }
  }

  @Override
  public Object deserialize(DataInputView source) throws IOException {
    byte marker = source.readByte();
    return switch (marker) {
      case 0 -> NullKey.INSTANCE;
      case 1 -> field.deserialize(source);
      default -> throw new IOException("Corrupt key: the null marker is " + marker + ", not 0 or 1");
    };
  }

  @Override
  public Object copy(Object key) {
    return key == NullKey.INSTANCE ? key : field.copy(key);
  }

  @Override
  public TypeSerializer<Object> duplicate() {
    TypeSerializer<Object> duplicate = field.duplicate();
    return duplicate == field ? this : new SingleValueKeySerializer(duplicate);
  }

  @Override
  public boolean isImmutableType() {
    return field.isImmutableType();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SingleValueKeySerializer other && other.field.equals(field);
  }

  @Override
  public int hashCode() {
    return field.hashCode();
  }
}
