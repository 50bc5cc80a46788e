package io.spate.table.runtime.keys;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/**
 * Serializes {@link CompositeKey}s: a mask with one bit per field set for NULL fields, then the fields
 * that are not NULL, in order.
 */
@Internal
final class CompositeKeySerializer extends TypeSerializer<Object> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<Object>[] fields;
  private final boolean immutable;

  CompositeKeySerializer(TypeSerializer<Object>[] fields) {
    this.fields = fields;
    this.immutable = Arrays.stream(fields).allMatch(TypeSerializer::isImmutableType);
  }

  @Override
  public void serialize(Object value, DataOutputView target) throws IOException {
    if (!(value instanceof CompositeKey key) || key.arity() != fields.length) {
      throw new IOException("The key " + value + " reached the serializer of keys of " + fields.length + " fields");
    }
    for (int from = 0; from < fields.length; from += 8) {
      int bits = 0;
      for (int i = from; i < Math.min(fields.length, from + 8); i++) {
        if (key.get(i) == null) {
          bits |= 1 << (i - from);
        }
      }
      target.writeByte(bits);
    }
    for (int i = 0; i < fields.length; i++) {
      Object field = key.get(i);
      if (field != null) {
        fields[i].serialize(field, target);
      }
    }
  }

  @Override
  public Object deserialize(DataInputView source) throws IOException {
    if (fields.length == 0) {
      return CompositeKey.EMPTY;
    }
    boolean[] nulls = new boolean[fields.length];
    for (int from = 0; from < fields.length; from += 8) {
      int bits = source.readUnsignedByte();
      for (int i = from; i < Math.min(fields.length, from + 8); i++) {
        nulls[i] = (bits & (1 << (i - from))) != 0;
      }
    }
    Object[] values = new Object[fields.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = nulls[i] ? null : fields[i].deserialize(source);
    }
    return new CompositeKey(values);
  }

  @Override
  public Object copy(Object value) {
    if (immutable) {
      return value;
    }
    CompositeKey key = (CompositeKey) value;
    Object[] values = new Object[fields.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = key.get(i) == null ? null : fields[i].copy(key.get(i));
    }
    return new CompositeKey(values);
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<Object> duplicate() {
    TypeSerializer<Object>[] duplicates = new TypeSerializer[fields.length];
    boolean same = true;
    for (int i = 0; i < fields.length; i++) {
      duplicates[i] = fields[i].duplicate();
      same &= duplicates[i] == fields[i];
    }
    return same ? this : new CompositeKeySerializer(duplicates);
  }

  @Override
  public boolean isImmutableType() {
    return immutable;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompositeKeySerializer other && Arrays.equals(other.fields, fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }
}
