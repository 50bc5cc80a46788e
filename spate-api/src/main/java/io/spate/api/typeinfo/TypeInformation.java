package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TypeSerializer;
import java.io.Serializable;

/**
 * Describes the type of the records of a stream: how to serialize them, how to hash them as keys
 * stably across JVMs, and how to reach their fields by name or position.
 *
 * <p>Obtain instances with {@link #of(Class)}, {@link #of(TypeHint)} or the factories in {@link Types}.
 *
 * @param <T> the described type
 */
@Public
public abstract class TypeInformation<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The (erased) class of the described type. */
  public abstract Class<T> getTypeClass();

  /** Creates a serializer that round-trips values of this type exactly. */
  public abstract TypeSerializer<T> createSerializer();

  /**
   * A hash code of {@code value} that is the same in every JVM, used to assign keys to key groups.
   * For strings and boxed primitives this is {@link Object#hashCode()}; enums hash by name.
   */
  public abstract int keyHash(T value);

  /**
   * Checks that values of this type can serve as keys, that is, that they have value equality.
   *
   * @throws InvalidTypesException naming the offending type (and field path) and what to do
   */
  public abstract void checkValidKey() throws InvalidTypesException;

  /**
   * Like {@link #checkValidKey()} for this type used as the field {@code fieldPath} of an enclosing
   * key type (empty for the key itself), so that the message can name the field. Types that reject
   * keys or hold fields override it; the default ignores the path.
   *
   * @throws InvalidTypesException naming the offending type, the field path and what to do
   */
  protected void checkValidKey(String fieldPath) throws InvalidTypesException {
    checkValidKey();
  }

  /**
   * Returns an accessor for the field named {@code fieldExpression} (a record component, a public
   * POJO field or a getter/setter property; nested fields separated by dots).
   *
   * @throws InvalidTypesException if there is no such field
   */
  public abstract <F> FieldAccessor<T, F> fieldAccessor(String fieldExpression);

  /**
   * Returns an accessor for the field at {@code position} (a record component index, an array index
   * or, for a basic type, position 0 meaning the value itself).
   *
   * @throws InvalidTypesException if there is no such position
   */
  public abstract <F> FieldAccessor<T, F> fieldAccessor(int position);

  /** Whether this is a primitive box, String or another atomic type without fields. */
  public abstract boolean isBasicType();

  /** The type information for {@code type}, derived by reflection. */
  public static <T> TypeInformation<T> of(Class<T> type) {
    return TypeExtractor.createTypeInfo(type);
  }

  /** The type information for the generic type captured by {@code hint}. */
  public static <T> TypeInformation<T> of(TypeHint<T> hint) {
    return hint.getTypeInfo();
  }

  // Flink's shape questions and its serializer-config overload, so that code calling them ports.

  /** {@link #createSerializer()}: Spate's serializers need nothing from the serializer config. */
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return createSerializer();
  }

  /** Whether this describes a tuple ({@code Tuple0} to {@code Tuple25} or a subclass). */
  public boolean isTupleType() {
    return false;
  }

  /** Whether values of this type can be keys, that is, whether {@link #checkValidKey()} passes. */
  public boolean isKeyType() {
    try {
      checkValidKey();
      return true;
    } catch (InvalidTypesException e) {
      return false;
    }
  }

  /** The number of direct fields: 1 for a type without fields, as in Flink. */
  public int getArity() {
    return 1;
  }

  /** The number of fields once nested composite types are flattened: 1 for a type without fields. */
  public int getTotalFields() {
    return 1;
  }
}
