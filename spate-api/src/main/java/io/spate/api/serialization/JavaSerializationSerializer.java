package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Objects;

/**
 * Serializes the values of a {@link Serializable} class with Java serialization, as a length and the
 * bytes: the serializer of a type the user declared generic ({@code Types.GENERIC}), for which Spate
 * knows no fields. Reading accepts the classes of the value's own class loader and the JDK's common
 * value classes, and limits nesting and size, since the bytes come from checkpoint files.
 *
 * @param <T> the serialized type
 */
@Internal
public final class JavaSerializationSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;

  /**
   * The serializer of {@code typeClass}.
   *
   * @throws IllegalArgumentException if the class is not {@link Serializable}
   */
  public JavaSerializationSerializer(Class<T> typeClass) {
    this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    if (!Serializable.class.isAssignableFrom(typeClass) && !typeClass.isInterface()) {
      throw new IllegalArgumentException(
          typeClass.getName() + " does not implement java.io.Serializable, which Spate needs to"
              + " serialize it as a generic type (Spate has no Kryo): make it a record or a POJO, give"
              + " it a TypeInfoFactory with @TypeInfo, or implement Serializable");
    }
  }

  /** The class this serializer reads and writes. */
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(value);
    }
    target.writeVarInt(bytes.size());
    target.write(bytes.toByteArray());
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    byte[] data = new byte[readLength(source)];
    source.readFully(data);
    return read(data);
  }

  private T read(byte[] data) throws IOException {
    ClassLoader loader = typeClass.getClassLoader();
    ValueFilter filter = new ValueFilter(loader);
    Object read;
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(data)) {
      @Override
      protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        return loader == null ? super.resolveClass(desc) : Class.forName(desc.getName(), false, loader);
      }
    }) {
      objects.setObjectInputFilter(filter);
      read = objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("Cannot read a value of " + typeClass.getName() + ": " + e, e);
    } catch (IOException e) {
      if (filter.rejection() != null) {
        throw new IOException("Refused to read a value of " + typeClass.getName() + ": " + filter.rejection(), e);
      }
      throw new IOException("Corrupt Java-serialized value of " + typeClass.getName() + ": " + e, e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new IOException("Corrupt Java-serialized value of " + typeClass.getName() + ": " + e, e);
    }
    if (read != null && !typeClass.isInstance(read)) {
      throw new IOException("A serialized value of " + typeClass.getName() + " holds a " + read.getClass().getName());
    }
    return typeClass.cast(read);
  }

  /** A deep copy, by serializing and reading back; null stays null. */
  @Override
  public T copy(T value) {
    if (value == null) {
      return null;
    }
    DataOutputSerializer out = new DataOutputSerializer(64);
    try {
      serialize(value, out);
      return deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot copy a value of " + typeClass.getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new JavaSerializationSerializerSnapshot<>(typeClass);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JavaSerializationSerializer<?> other && other.typeClass == typeClass;
  }

  @Override
  public int hashCode() {
    return typeClass.hashCode();
  }

  @Override
  public String toString() {
    return "JavaSerializationSerializer<" + typeClass.getName() + ">";
  }

  /**
   * Accepts the classes of the value's class loader (the job's code) and otherwise what {@link
   * SerializerSnapshotFilter} accepts, within its limits.
   */
  private static final class ValueFilter implements ObjectInputFilter {

    private final ClassLoader valueLoader;
    private final SerializerSnapshotFilter common;

    ValueFilter(ClassLoader valueLoader) {
      this.valueLoader = valueLoader;
      this.common = new SerializerSnapshotFilter(valueLoader);
    }

    String rejection() {
      return common.rejection();
    }

    @Override
    public Status checkInput(FilterInfo info) {
      Class<?> type = info.serialClass();
      Class<?> element = type;
      while (element != null && element.isArray()) {
        element = element.getComponentType();
      }
      if (element != null && valueLoader != null && element.getClassLoader() == valueLoader) {
        // The limits still apply: ask with the class left out.
        return common.checkInput(new WithoutClass(info));
      }
      return common.checkInput(info);
    }
  }

  /** {@code info} with no class, so that only the limits of depth, count and length are checked. */
  private record WithoutClass(ObjectInputFilter.FilterInfo info) implements ObjectInputFilter.FilterInfo {
    @Override
    public Class<?> serialClass() {
      return null;
    }

    @Override
    public long arrayLength() {
      return info.arrayLength();
    }

    @Override
    public long depth() {
      return info.depth();
    }

    @Override
    public long references() {
      return info.references();
    }

    @Override
    public long streamBytes() {
      return info.streamBytes();
    }
  }
}
