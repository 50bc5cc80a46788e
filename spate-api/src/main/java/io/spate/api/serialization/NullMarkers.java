package io.spate.api.serialization;

import java.io.IOException;

/** Writes possibly-null nested values as a presence byte followed by the value. */
final class NullMarkers {

  private NullMarkers() {}

  static <T> void write(T value, TypeSerializer<T> serializer, DataOutputView target)
      throws IOException {
    if (value == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      serializer.serialize(value, target);
    }
  }

  static <T> T read(TypeSerializer<T> serializer, DataInputView source) throws IOException {
    return source.readBoolean() ? serializer.deserialize(source) : null;
  }

  static <T> T copy(T value, TypeSerializer<T> serializer) {
    return value == null ? null : serializer.copy(value);
  }

  /** A duplicate of every serializer, or {@code serializers} itself when all are stateless. */
  static TypeSerializer<Object>[] duplicateAll(TypeSerializer<Object>[] serializers) {
    TypeSerializer<Object>[] copies = null;
    for (int i = 0; i < serializers.length; i++) {
      TypeSerializer<Object> duplicate = serializers[i].duplicate();
      if (duplicate != serializers[i]) {
        if (copies == null) {
          copies = serializers.clone();
        }
        copies[i] = duplicate;
      }
    }
    return copies == null ? serializers : copies;
  }
}
