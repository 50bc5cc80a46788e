package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/**
 * The snapshot of a {@link JavaSerializationSerializer}: the name of the class it serializes. Java
 * serialization itself decides whether the class as it is now reads the old bytes (its {@code
 * serialVersionUID}), so a new serializer of the same class is compatible as is.
 *
 * @param <T> the serialized type
 */
@Internal
public final class JavaSerializationSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

  private Class<T> typeClass;

  /** For reading; {@link #readSnapshot} fills it in. */
  public JavaSerializationSerializerSnapshot() {}

  JavaSerializationSerializerSnapshot(Class<T> typeClass) {
    this.typeClass = typeClass;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(typeClass.getName());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != 1) {
      throw new IOException("Unknown version " + readVersion + " of the snapshot of a Java-serialization serializer");
    }
    String name = in.readUTF();
    try {
      typeClass = (Class<T>) Class.forName(name, false, userClassLoader);
    } catch (ClassNotFoundException e) {
      throw new IOException("The state holds values of " + name + ", which is not on the class path", e);
    }
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return new JavaSerializationSerializer<>(typeClass);
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    if (newSerializer instanceof JavaSerializationSerializer<?> other && other.getTypeClass() == typeClass) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return TypeSerializerSchemaCompatibility.incompatible(
        "the state holds Java-serialized values of " + typeClass.getName() + ", and the new serializer is "
            + newSerializer);
  }
}
