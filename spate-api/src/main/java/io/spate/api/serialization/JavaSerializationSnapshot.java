package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * The snapshot of a serializer that has no snapshot of its own: the serializer itself, in Java
 * serialization. It restores only while the serializer's class is unchanged, and a new serializer
 * counts as compatible when it is of the same class.
 *
 * @param <T> the serialized type
 */
@Internal
public final class JavaSerializationSnapshot<T> implements TypeSerializerSnapshot<T> {

  private TypeSerializer<T> serializer;

  /** For reading; {@link #readSnapshot} fills it in. */
  public JavaSerializationSnapshot() {}

  /** The snapshot of {@code serializer}. */
  public JavaSerializationSnapshot(TypeSerializer<T> serializer) {
    this.serializer = serializer;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(serializer);
    }
    out.writeVarInt(bytes.size());
    out.write(bytes.toByteArray());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != 1) {
      throw new IOException("Unknown version " + readVersion + " of a Java-serialized serializer snapshot");
    }
    byte[] data;
    try {
      data = new byte[TypeSerializer.readLength(in)];
      in.readFully(data);
    } catch (IOException e) {
      throw new IOException("Corrupt Java-serialized serializer snapshot: " + e.getMessage(), e);
    }
    SerializerSnapshotFilter filter = new SerializerSnapshotFilter(userClassLoader);
    Object read;
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(data)) {
      @Override
      protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        return Class.forName(desc.getName(), false, userClassLoader);
      }
    }) {
      objects.setObjectInputFilter(filter);
      read = objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("Cannot restore a serializer from its snapshot: " + e, e);
    } catch (IOException e) {
      if (filter.rejection() != null) {
        throw new IOException("Refused to read a Java-serialized serializer snapshot: " + filter.rejection(), e);
      }
      throw new IOException("Corrupt Java-serialized serializer snapshot: " + e, e);
    } catch (RuntimeException | StackOverflowError e) {
      // Crafted bytes can make the readObject of a JDK class throw anything.
      throw new IOException("Corrupt Java-serialized serializer snapshot: " + e, e);
    }
    if (!(read instanceof TypeSerializer<?>)) {
      throw new IOException("A Java-serialized serializer snapshot holds "
          + (read == null ? "null" : "a " + read.getClass().getName()) + ", not a serializer");
    }
    serializer = (TypeSerializer<T>) read;
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializer.duplicate();
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    return newSerializer.getClass() == serializer.getClass()
        ? TypeSerializerSchemaCompatibility.compatibleAsIs()
        : TypeSerializerSchemaCompatibility.incompatible("the serializer changed from "
            + serializer.getClass().getName() + " to " + newSerializer.getClass().getName());
  }
}
