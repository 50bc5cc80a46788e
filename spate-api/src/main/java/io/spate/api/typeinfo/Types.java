package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
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

  private Types() {}

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

  /** The type information of {@code type}, derived by reflection; see {@link TypeExtractor}. */
  public static <T> TypeInformation<T> of(Class<T> type) {
    return TypeExtractor.createTypeInfo(type);
  }
}
