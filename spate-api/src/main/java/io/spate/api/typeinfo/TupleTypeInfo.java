package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TupleSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.tuple.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Type information of a tuple ({@code Tuple0} to {@code Tuple25}, or a subclass of one without
 * fields of its own): one type per position. Fields are named {@code f0}, {@code f1}, ..., so
 * positions and names such as {@code "f1"} or {@code "f1.f0"} reach them. Field accessors update
 * the tuple in place. Tuples are valid keys when all their fields are.
 *
 * @param <T> the tuple type
 */
@Public
public final class TupleTypeInfo<T extends Tuple> extends CompositeTypeInfo<T> {

  private static final long serialVersionUID = 1L;

  /**
   * The type information of {@code Tuple<n>} with the given field types, n being their number.
   *
   * @throws IllegalArgumentException if more than {@link Tuple#MAX_ARITY} types are given
   */
  @SuppressWarnings("unchecked")
  public TupleTypeInfo(TypeInformation<?>... types) {
    this((Class<T>) Tuple.getTupleClass(types.length), types);
  }

  /**
   * The type information of {@code tupleClass} with the given field types.
   *
   * @throws InvalidTypesException if the class's arity differs from the number of types
   */
  public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... types) {
    this(tupleClass, types, typeArgumentsOf(tupleClass, types));
  }

  TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>[] types, TypeInformation<?>[] typeArguments) {
    super(tupleClass, fieldNames(checkArity(tupleClass, types)), types, typeArguments);
  }

  /** For Tuple0 to Tuple25 themselves, the field types are the type arguments. */
  private static TypeInformation<?>[] typeArgumentsOf(Class<?> tupleClass, TypeInformation<?>[] types) {
    return tupleClass.getTypeParameters().length == types.length ? types : null;
  }

  private static int checkArity(Class<?> tupleClass, TypeInformation<?>[] types) {
    Objects.requireNonNull(tupleClass, "tupleClass");
    int arity = arityOf(tupleClass);
    if (arity != types.length) {
      throw new InvalidTypesException(
          tupleClass.getName() + " has " + arity + " fields, but " + types.length
              + " field types were given");
    }
    return arity;
  }

  /**
   * The arity of {@code tupleClass}, which must be one of Tuple0 to Tuple25 or a subclass of one.
   *
   * @throws InvalidTypesException if it is not
   */
  static int arityOf(Class<?> tupleClass) {
    if (!Tuple.class.isAssignableFrom(tupleClass) || tupleClass == Tuple.class) {
      throw new InvalidTypesException(
          tupleClass.getName() + " is not a tuple class: use Tuple0 to Tuple" + Tuple.MAX_ARITY
              + " or a subclass of one");
    }
    Class<?> base = tupleBase(tupleClass);
    for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
      if (Tuple.getTupleClass(arity) == base) {
        return arity;
      }
    }
    throw new InvalidTypesException(
        tupleClass.getName() + " extends Tuple directly; only Tuple0 to Tuple" + Tuple.MAX_ARITY
            + " and their subclasses are tuple types");
  }

  /** The class among Tuple0 to Tuple25 that {@code tupleClass} is or extends. */
  static Class<?> tupleBase(Class<?> tupleClass) {
    Class<?> level = tupleClass;
    while (level.getSuperclass() != Tuple.class) {
      level = level.getSuperclass();
    }
    return level;
  }

  private static String[] fieldNames(int arity) {
    String[] names = new String[arity];
    for (int i = 0; i < arity; i++) {
      names[i] = "f" + i;
    }
    return names;
  }

  /**
   * The type information of the tuple whose fields have the given basic classes, such as {@code
   * getBasicTupleTypeInfo(String.class, Integer.class)} for {@code Tuple2<String, Integer>}.
   *
   * @throws InvalidTypesException if a class is not a basic type (a primitive box, String, ...)
   */
  @SuppressWarnings("unchecked")
  public static <X extends Tuple> TupleTypeInfo<X> getBasicTupleTypeInfo(Class<?>... basicTypes) {
    TypeInformation<?>[] types = new TypeInformation<?>[basicTypes.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = BasicTypeInfo.getInfoFor(Objects.requireNonNull(basicTypes[i], "the class of field " + i));
      if (types[i] == null) {
        throw new InvalidTypesException(
            "Field " + i + " of getBasicTupleTypeInfo is a " + basicTypes[i].getName() + ", which is"
                + " not a basic type; use new TupleTypeInfo<>(...) with its TypeInformation");
      }
    }
    return (TupleTypeInfo<X>) new TupleTypeInfo<>(types);
  }

  /** True: this describes a tuple. */
  @Override
  public boolean isTupleType() {
    return true;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return new TupleSerializer<>(getTypeClass(), createFieldSerializers());
  }

  @Override
  Object getField(T value, int index) {
    return value.getField(index);
  }

  /** The accessor of the field at {@code position}, which updates the tuple in place. */
  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    if (position < 0 || position >= getArity()) {
      throw new InvalidTypesException(
          "Type " + this + " has no field at position " + position
              + (getArity() == 0 ? "; it has no fields" : "; its positions are 0 to " + (getArity() - 1)));
    }
    return fieldAccessorAt(position);
  }

  @Override
  <F> FieldAccessor<T, F> fieldAccessorAt(int index) {
    return new PositionAccessor<>(this, index);
  }

  @Override
  String kind() {
    return "Tuple";
  }

  /** As Flink prints it: {@code Java Tuple2<String, Integer>}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Java ").append(getTypeClass().getSimpleName()).append('<');
    for (int i = 0; i < getArity(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(getFieldType(i));
    }
    return text.append('>').toString();
  }

  /** Reads and writes one tuple field in place, through the tuple's positional accessors. */
  private static final class PositionAccessor<T extends Tuple, F> implements FieldAccessor<T, F> {

    private static final long serialVersionUID = 1L;

    private final TupleTypeInfo<T> type;
    private final int position;

    PositionAccessor(TupleTypeInfo<T> type, int position) {
      this.type = type;
      this.position = position;
    }

    @Override
    public F get(T record) {
      return record.getField(position);
    }

    @Override
    public T set(T record, F fieldValue) {
      record.setField(fieldValue, position);
      return record;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<F> getFieldType() {
      return (TypeInformation<F>) type.getFieldType(position);
    }
  }

  // More of Flink's TupleTypeInfo members.

  /** The tuple serializer, typed as such, as Flink's {@code TupleTypeInfo} returns it. */
  @Override
  public TupleSerializer<T> createSerializer(SerializerConfig config) {
    return (TupleSerializer<T>) createSerializer();
  }

  /** The field types by Flink's names for a tuple's type parameters: {@code T0}, {@code T1}, ... */
  @Override
  public Map<String, TypeInformation<?>> getGenericParameters() {
    Map<String, TypeInformation<?>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < getArity(); i++) {
      parameters.put("T" + i, getFieldType(i));
    }
    return parameters;
  }

  /**
   * {@link #getBasicTupleTypeInfo}: Spate has no Flink {@code Value} types, so the classes must be
   * basic types.
   *
   * @throws InvalidTypesException if a class is not a basic type
   */
  public static <X extends Tuple> TupleTypeInfo<X> getBasicAndBasicValueTupleTypeInfo(Class<?>... basicTypes) {
    return getBasicTupleTypeInfo(basicTypes);
  }
}
