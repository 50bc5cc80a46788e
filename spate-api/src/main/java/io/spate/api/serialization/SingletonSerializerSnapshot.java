package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The snapshot of a stateless serializer that has a single instance in a {@code public static final
 * INSTANCE} field (the serializers of primitives, strings, big numbers, time types and primitive
 * arrays): it stores the serializer's class name and restores that instance. A new serializer of the
 * same class reads the old bytes as they are.
 *
 * @param <T> the serialized type
 */
@PublicEvolving
public final class SingletonSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

  private String serializerClassName;
  private TypeSerializer<T> serializer;

  /** For reading; {@link #readSnapshot} fills it in. */
  public SingletonSerializerSnapshot() {}

  /** The snapshot of {@code serializer}, which must be the {@code INSTANCE} of its class. */
  public SingletonSerializerSnapshot(TypeSerializer<T> serializer) {
    if (!isSingleton(serializer)) {
      throw new IllegalArgumentException(
          serializer.getClass().getName() + " has no public static final INSTANCE that is " + serializer);
    }
    this.serializer = serializer;
    this.serializerClassName = serializer.getClass().getName();
  }

  /** Whether {@code serializer} is the value of its class's {@code public static final INSTANCE}. */
  static boolean isSingleton(TypeSerializer<?> serializer) {
    try {
      return instanceField(serializer.getClass()).get(null) == serializer;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static Field instanceField(Class<?> type) throws NoSuchFieldException {
    Field field = type.getField("INSTANCE");
    int modifiers = field.getModifiers();
    if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
      throw new NoSuchFieldException(type.getName() + ".INSTANCE is not static final");
    }
    return field;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(serializerClassName);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != 1) {
      throw new IOException("Unknown version " + readVersion + " of a singleton serializer snapshot");
    }
    serializerClassName = in.readUTF();
    Object instance;
    try {
      Class<?> type = Class.forName(serializerClassName, true, userClassLoader);
      instance = instanceField(type).get(null);
    } catch (ClassNotFoundException e) {
      throw new IOException("The serializer class " + serializerClassName + " is not on the class path", e);
    } catch (ReflectiveOperationException e) {
      throw new IOException(
          "The serializer class " + serializerClassName + " has no public static final INSTANCE", e);
    }
    if (!(instance instanceof TypeSerializer<?>)) {
      throw new IOException(serializerClassName + ".INSTANCE is not a TypeSerializer");
    }
    serializer = (TypeSerializer<T>) instance;
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializer;
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    return newSerializer.getClass() == serializer.getClass()
        ? TypeSerializerSchemaCompatibility.compatibleAsIs()
        : TypeSerializerSchemaCompatibility.incompatible(
            "the serializer changed from " + serializer + " to " + newSerializer);
  }
}
