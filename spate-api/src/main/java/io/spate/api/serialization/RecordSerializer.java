package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes Java records component by component, in declaration order, and reads them back
 * through the canonical constructor. Components of reference type may be null.
 *
 * @param <R> the record type
 */
@Internal
public final class RecordSerializer<R> extends TypeSerializer<R> {

  private static final long serialVersionUID = 1L;

  private final Class<R> recordClass;
  private final TypeSerializer<Object>[] componentSerializers;
  private final boolean[] primitive;
  private final boolean immutable;
  private transient RecordHandles handles;

  /**
   * Creates the serializer of {@code recordClass}, with one serializer per component in declaration
   * order.
   */
  @SuppressWarnings("unchecked")
  public RecordSerializer(Class<R> recordClass, TypeSerializer<?>[] componentSerializers) {
    this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
    RecordHandles resolved = RecordHandles.of(recordClass);
    if (componentSerializers.length != resolved.arity()) {
      throw new IllegalArgumentException(
          recordClass.getName() + " has " + resolved.arity() + " components, but "
              + componentSerializers.length + " serializers were given");
    }
    this.componentSerializers = (TypeSerializer<Object>[]) componentSerializers.clone();
    this.primitive = new boolean[componentSerializers.length];
    boolean allImmutable = true;
    for (int i = 0; i < componentSerializers.length; i++) {
      primitive[i] = resolved.rawType(i).isPrimitive();
      allImmutable &= componentSerializers[i].isImmutableType();
    }
    this.immutable = allImmutable;
    this.handles = resolved;
  }

  private RecordHandles handles() {
    RecordHandles h = handles;
    if (h == null) {
      h = RecordHandles.of(recordClass);
      handles = h;
    }
    return h;
  }

  @Override
  public void serialize(R value, DataOutputView target) throws IOException {
    RecordHandles h = handles();
    for (int i = 0; i < primitive.length; i++) {
      Object component = h.get(value, i);
      if (primitive[i]) {
        componentSerializers[i].serialize(component, target);
      } else {
        NullMarkers.write(component, componentSerializers[i], target);
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public R deserialize(DataInputView source) throws IOException {
    Object[] args = new Object[primitive.length];
    for (int i = 0; i < args.length; i++) {
      args[i] =
          primitive[i]
              ? componentSerializers[i].deserialize(source)
              : NullMarkers.read(componentSerializers[i], source);
    }
    try {
      return (R) handles().construct(args);
    } catch (RuntimeException e) {
      throw new IOException(
          "The record " + recordClass.getName() + " rejected its deserialized components "
              + Arrays.toString(args) + ": " + e,
          e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public R copy(R value) {
    if (value == null || immutable) {
      return value;
    }
    RecordHandles h = handles();
    Object[] args = new Object[primitive.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = NullMarkers.copy(h.get(value, i), componentSerializers[i]);
    }
    return (R) h.construct(args);
  }

  /** The record class this serializer reads and writes. */
  public Class<R> getRecordClass() {
    return recordClass;
  }

  /** A {@link RecordSerializerSnapshot}: the class name and each component's name, type and serializer. */
  @Override
  public TypeSerializerSnapshot<R> snapshotConfiguration() {
    RecordHandles h = handles();
    return new RecordSerializerSnapshot<>(
        recordClass,
        SnapshotFields.of(
            "component", recordClass.getName(), componentNames(h), componentTypes(h),
            componentSerializers));
  }

  static String[] componentNames(RecordHandles handles) {
    String[] names = new String[handles.arity()];
    for (int i = 0; i < names.length; i++) {
      names[i] = handles.name(i);
    }
    return names;
  }

  static Type[] componentTypes(RecordHandles handles) {
    Type[] types = new Type[handles.arity()];
    for (int i = 0; i < types.length; i++) {
      types[i] = handles.genericType(i);
    }
    return types;
  }

  TypeSerializer<?>[] componentSerializers() {
    return componentSerializers;
  }

  @Override
  public TypeSerializer<R> duplicate() {
    TypeSerializer<Object>[] duplicates = NullMarkers.duplicateAll(componentSerializers);
    return duplicates == componentSerializers ? this : new RecordSerializer<>(recordClass, duplicates);
  }

  @Override
  public boolean isImmutableType() {
    return immutable;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordSerializer<?> other
        && other.recordClass == recordClass
        && Arrays.equals(other.componentSerializers, componentSerializers);
  }

  @Override
  public int hashCode() {
    return 31 * recordClass.hashCode() + Arrays.hashCode(componentSerializers);
  }

  @Override
  public String toString() {
    return "RecordSerializer(" + recordClass.getName() + ")";
  }
}
