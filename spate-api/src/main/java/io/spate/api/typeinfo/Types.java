package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.tuple.Tuple;
import io.spate.api.types.Either;
import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Factories of type information, for giving types explicitly: {@code .returns(Types.LIST(Types.STRING))}.
 */
@PublicEvolving
public final class Types {

  /** {@link String}. */
  public static final TypeInformation<String> STRING = BasicTypeInfo.STRING;
  /** {@link Boolean} and {@code boolean}. */
  public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN;
  /** {@link Byte} and {@code byte}. */
  public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE;
  /** {@link Short} and {@code short}. */
  public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT;
  /** {@link Integer} and {@code int}. */
  public static final TypeInformation<Integer> INT = BasicTypeInfo.INT;
  /** {@link Long} and {@code long}. */
  public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG;
  /** {@link Float} and {@code float}. */
  public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT;
  /** {@link Double} and {@code double}. */
  public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE;
  /** {@link Character} and {@code char}. */
  public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR;
  /** {@link Void}, whose only value is null. */
  public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID;
  /** {@link BigDecimal}. */
  public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC;
  /** {@link BigInteger}. */
  public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT;
  /** {@link Instant}. */
  public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT;
  /** {@link LocalDate}. */
  public static final TypeInformation<LocalDate> LOCAL_DATE = BasicTypeInfo.LOCAL_DATE;
  /** {@link LocalTime}. */
  public static final TypeInformation<LocalTime> LOCAL_TIME = BasicTypeInfo.LOCAL_TIME;
  /** {@link LocalDateTime}. */
  public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = BasicTypeInfo.LOCAL_DATE_TIME;

  /** Flink's {@code Types} has a public constructor; the class holds only static members. */
  public Types() {}

  /**
   * An array of a primitive type, given the element type: {@code PRIMITIVE_ARRAY(Types.BYTE)} is
   * {@code byte[]}.
   *
   * @throws InvalidTypesException if {@code elementType} is not a boxed primitive type
   */
  public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
    Objects.requireNonNull(elementType, "elementType");
    Class<?> primitive = primitiveOf(elementType);
    if (primitive == null) {
      throw new InvalidTypesException(
          "PRIMITIVE_ARRAY takes BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE or CHAR, not "
              + elementType + "; use OBJECT_ARRAY for arrays of other types");
    }
    return PrimitiveArrayTypeInfo.forArrayClass(java.lang.reflect.Array.newInstance(primitive, 0).getClass());
  }

  private static Class<?> primitiveOf(TypeInformation<?> type) {
    if (!(type instanceof BasicTypeInfo<?>)) {
      return null;
    }
    Class<?> boxed = type.getTypeClass();
    for (Class<?> primitive :
        new Class<?>[] {
          boolean.class, byte.class, short.class, int.class, long.class, float.class, double.class,
          char.class
        }) {
      if (BasicTypeInfo.getInfoFor(primitive).getTypeClass() == boxed) {
        return primitive;
      }
    }
    return null;
  }

  /** An array of a reference type: {@code OBJECT_ARRAY(Types.STRING)} is {@code String[]}. */
  public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
    return new ObjectArrayTypeInfo<>(elementType);
  }

  /** A {@link List} of {@code elementType}. */
  public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
    return new ListTypeInfo<>(elementType);
  }

  /** A {@link Map} from {@code keyType} to {@code valueType}. */
  public static <K, V> TypeInformation<Map<K, V>> MAP(
      TypeInformation<K> keyType, TypeInformation<V> valueType) {
    return new MapTypeInfo<>(keyType, valueType);
  }

  /** An {@link Optional} of {@code elementType}. */
  public static <E> TypeInformation<Optional<E>> OPTIONAL(TypeInformation<E> elementType) {
    return new OptionalTypeInfo<>(elementType);
  }

  /** The enum {@code enumClass}. */
  public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumClass) {
    return new EnumTypeInfo<>(enumClass);
  }

  /**
   * The POJO {@code pojoClass}, with its field types derived by reflection.
   *
   * @throws InvalidTypesException saying which rule the class breaks, if it is not a POJO
   */
  public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
    return TypeExtractor.createPojoTypeInfo(pojoClass);
  }

  /**
   * The record {@code recordClass}, with its component types derived by reflection.
   *
   * @throws InvalidTypesException if it is not a record or a component type cannot be derived
   */
  public static <T> TypeInformation<T> RECORD(Class<T> recordClass) {
    return TypeExtractor.createRecordTypeInfo(recordClass);
  }

  /**
   * A tuple of the given field types: {@code TUPLE(Types.STRING, Types.INT)} is {@code Tuple2<String,
   * Integer>}.
   *
   * @throws IllegalArgumentException if more than {@link Tuple#MAX_ARITY} types are given
   */
  @SuppressWarnings("unchecked")
  public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
    return (TypeInformation<T>) new TupleTypeInfo<>(types);
  }

  /**
   * The tuple type {@code tupleSubclass}, a subclass of a tuple that binds its type arguments, such as
   * {@code class WordCount extends Tuple2<String, Integer>}; its field types are derived by
   * reflection.
   *
   * @throws InvalidTypesException if it is not such a class (a bare {@code Tuple2.class} does not say
   *     its field types: use {@link #TUPLE(TypeInformation...)} for it)
   */
  @SuppressWarnings("unchecked")
  public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
    TypeInformation<T> type = TypeExtractor.createTypeInfo(tupleSubclass);
    if (!(type instanceof TupleTypeInfo<?>)) {
      throw new InvalidTypesException(
          tupleSubclass.getName() + " is not a tuple type: it declares fields of its own, which makes"
              + " it a POJO; use Types.POJO(" + tupleSubclass.getSimpleName() + ".class) for it");
    }
    return type;
  }

  /**
   * The POJO {@code pojoClass} with the types of the fields named in {@code fields} given instead of
   * derived, for fields whose types cannot be derived (a field of an interface type, say). Unlike
   * Flink, fields not named keep their derived types instead of being left out of serialization.
   *
   * @throws InvalidTypesException if it is not a POJO, names a field it does not have, or gives a
   *     type the field cannot hold
   */
  public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
    return TypeExtractor.createPojoTypeInfo(pojoClass, fields);
  }

  /**
   * {@link Row}s with the given field types, named {@code f0}, {@code f1}, ...: {@code
   * ROW(Types.STRING, Types.LONG)}. A field may be null.
   */
  public static TypeInformation<Row> ROW(TypeInformation<?>... types) {
    return new RowTypeInfo(types);
  }

  /**
   * {@link Row}s with the given field names and types: {@code ROW_NAMED(new String[] {"user",
   * "amount"}, Types.STRING, Types.LONG)}. A field may be null.
   *
   * @throws IllegalArgumentException if the numbers of names and types differ, or a name is null,
   *     empty or given twice
   */
  public static TypeInformation<Row> ROW_NAMED(String[] fieldNames, TypeInformation<?>... types) {
    return new RowTypeInfo(types, fieldNames);
  }

  /** An {@link Either} of {@code leftType} and {@code rightType}. */
  public static <L, R> TypeInformation<Either<L, R>> EITHER(
      TypeInformation<L> leftType, TypeInformation<R> rightType) {
    return new EitherTypeInfo<>(leftType, rightType);
  }

  /** The type information of {@code type}, derived by reflection; see {@link TypeExtractor}. */
  public static <T> TypeInformation<T> of(Class<T> type) {
    return TypeExtractor.createTypeInfo(type);
  }

  // More of Flink's factories.

  /**
   * The class {@code genericClass} as a black box, serialized with Java serialization (Spate has no
   * Kryo); see {@link GenericTypeInfo}.
   */
  public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
    return new GenericTypeInfo<>(genericClass);
  }
}
