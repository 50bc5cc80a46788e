package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.tuple.Tuple;
import io.spate.api.types.NullFieldException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes tuples field by field, through the tuples' own positional accessors, without
 * reflection per record. As in Flink, tuple fields must not be null when serialized. Public-evolving
 * because {@code TupleTypeInfo.createSerializer(SerializerConfig)} returns it, as Flink's does;
 * create it through the type information.
 *
 * @param <T> the tuple type: {@code Tuple0} to {@code Tuple25} or a subclass without fields of its own
 */
@PublicEvolving
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> tupleClass;
  private final TypeSerializer<Object>[] fieldSerializers;
  /** Null for the classes Tuple0 to Tuple25 themselves, which {@link Tuple#newInstance} creates directly. */
  private final PojoInstantiator<T> subclassInstantiator;

  /** Creates the serializer of {@code tupleClass}, with one serializer per field in position order. */
  @SuppressWarnings("unchecked")
  public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers) {
    this.tupleClass = Objects.requireNonNull(tupleClass, "tupleClass");
    Class<? extends Tuple> base = tupleBase(tupleClass);
    int arity = arityOf(base);
    if (fieldSerializers.length != arity) {
      throw new IllegalArgumentException(
          tupleClass.getName() + " has " + arity + " fields, but " + fieldSerializers.length
              + " serializers were given");
    }
    for (int i = 0; i < fieldSerializers.length; i++) {
      Objects.requireNonNull(fieldSerializers[i], "the serializer of field " + i);
    }
    this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
    this.subclassInstantiator = base == tupleClass ? null : new PojoInstantiator<>(tupleClass);
  }

  /**
   * The class among {@code Tuple0} to {@code Tuple25} that {@code tupleClass} is or extends.
   *
   * @throws IllegalArgumentException if {@code tupleClass} extends {@link Tuple} only directly
   */
  static Class<? extends Tuple> tupleBase(Class<?> tupleClass) {
    Class<?> level = tupleClass;
    while (level != null && level.getSuperclass() != Tuple.class) {
      level = level.getSuperclass();
    }
    if (level == null || !level.getPackage().getName().equals(Tuple.class.getPackageName())) {
      throw new IllegalArgumentException(
          tupleClass.getName() + " is not one of Tuple0 to Tuple" + Tuple.MAX_ARITY
              + " nor a subclass of one");
    }
    return level.asSubclass(Tuple.class);
  }

  private static int arityOf(Class<? extends Tuple> base) {
    for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
      if (Tuple.getTupleClass(arity) == base) {
        return arity;
      }
    }
    throw new IllegalArgumentException(base.getName() + " is not one of Tuple0 to Tuple" + Tuple.MAX_ARITY);
  }

  @SuppressWarnings("unchecked")
  private T newTuple() {
    return subclassInstantiator == null
        ? (T) Tuple.newInstance(fieldSerializers.length)
        : subclassInstantiator.newInstance();
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    if (value.getClass() != tupleClass) {
      throw new IOException(
          "A " + value.getClass().getName() + " reached the serializer of " + tupleClass.getName()
              + ", which would read it back as a " + tupleClass.getSimpleName()
              + "; declare the stream's type as " + value.getClass().getSimpleName());
    }
    for (int i = 0; i < fieldSerializers.length; i++) {
      Object field = value.getField(i);
      if (field == null) {
        throw new NullFieldException(
            i,
            "Field f" + i + " of the " + tupleClass.getSimpleName() + " " + value + " is null, but"
                + " tuple fields must not be null when a tuple is serialized (as in Flink). Use an"
                + " Optional field, or a record or POJO, whose fields may be null");
      }
      fieldSerializers[i].serialize(field, target);
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    T tuple = newTuple();
    for (int i = 0; i < fieldSerializers.length; i++) {
      tuple.setField(fieldSerializers[i].deserialize(source), i);
    }
    return tuple;
  }

  /** A deep copy; a null field stays null. */
  @Override
  public T copy(T value) {
    if (value == null) {
      return null;
    }
    T copy = newTuple();
    for (int i = 0; i < fieldSerializers.length; i++) {
      copy.setField(NullMarkers.copy(value.getField(i), fieldSerializers[i]), i);
    }
    return copy;
  }

  /** The tuple class this serializer reads and writes. */
  public Class<T> getTupleClass() {
    return tupleClass;
  }

  /** The number of fields. */
  public int getArity() {
    return fieldSerializers.length;
  }

  /** The serializers of the fields, in position order. */
  public TypeSerializer<?>[] getFieldSerializers() {
    return fieldSerializers.clone();
  }

  TypeSerializer<Object>[] fieldSerializers() {
    return fieldSerializers;
  }

  /** A new tuple whose fields hold their serializers' new instances. */
  @Override
  public T createInstance() {
    T tuple = newTuple();
    for (int i = 0; i < fieldSerializers.length; i++) {
      tuple.setField(fieldSerializers[i].createInstance(), i);
    }
    return tuple;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    TypeSerializer<Object>[] duplicates = NullMarkers.duplicateAll(fieldSerializers);
    return duplicates == fieldSerializers ? this : new TupleSerializer<>(tupleClass, duplicates);
  }

  /** A {@link TupleSerializerSnapshot}: the tuple class and each field's serializer snapshot. */
  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new TupleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleSerializer<?> other
        && other.tupleClass == tupleClass
        && Arrays.equals(other.fieldSerializers, fieldSerializers);
  }

  @Override
  public int hashCode() {
    return 31 * tupleClass.hashCode() + Arrays.hashCode(fieldSerializers);
  }

  @Override
  public String toString() {
    return "TupleSerializer(" + tupleClass.getName() + ", " + Arrays.toString(fieldSerializers) + ")";
  }
}
