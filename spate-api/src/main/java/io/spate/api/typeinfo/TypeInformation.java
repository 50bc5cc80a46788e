package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TypeSerializer;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;

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

  /**
   * Creates a serializer that round-trips values of this type exactly. Spate's type information
   * overrides this; type information written for Flink overrides {@link
   * #createSerializer(SerializerConfig)} (or the older {@link #createSerializer(ExecutionConfig)})
   * instead, which this default calls with a default config.
   */
  public TypeSerializer<T> createSerializer() {
    return createSerializer(new SerializerConfig());
  }

  /**
   * A hash code of {@code value} that is the same in every JVM, used to assign keys to key groups.
   * For strings and boxed primitives this is {@link Object#hashCode()}; enums hash by name. By
   * default, as in Flink, the value's own {@link Object#hashCode()} (0 for null), which must then be
   * the same in every JVM.
   */
  public int keyHash(T value) {
    return value == null ? 0 : value.hashCode();
  }

  /**
   * Checks that values of this type can serve as keys, that is, that they have value equality.
   *
   * <p>Spate's type information overrides this; by default it asks {@link #isKeyType()}, which type
   * information written for Flink overrides.
   *
   * @throws InvalidTypesException naming the offending type (and field path) and what to do
   */
  public void checkValidKey() throws InvalidTypesException {
    if (!TypeInformationOverrides.overridesIsKeyType(getClass())) {
      throw new InvalidTypesException(
          "The type information " + getClass().getName() + " overrides neither isKeyType() nor"
              + " checkValidKey(), so Spate cannot tell whether " + this + " can be a key");
    }
    if (!isKeyType()) {
      throw new InvalidTypesException(
          "Type " + this + " cannot be a key: its type information " + getClass().getName()
              + " says isKeyType() is false");
    }
  }

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
   * <p>By default the type has no fields, and only {@code "*"}, the value itself, is accepted.
   *
   * @throws InvalidTypesException if there is no such field
   */
  public <F> FieldAccessor<T, F> fieldAccessor(String fieldExpression) {
    return AtomicTypeInfo.valueItself(this, fieldExpression);
  }

  /**
   * Returns an accessor for the field at {@code position} (a record component index, an array index
   * or, for a basic type, position 0 meaning the value itself).
   *
   * <p>By default the type has no fields, and only position 0, the value itself, is accepted.
   *
   * @throws InvalidTypesException if there is no such position
   */
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    return AtomicTypeInfo.valueItself(this, position);
  }

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

  /**
   * Creates the serializer under the job's serializer config. Spate's own type information needs
   * nothing from the config and answers {@link #createSerializer()}; type information written for
   * Flink overrides this method, or the older {@link #createSerializer(ExecutionConfig)}.
   *
   * @throws UnsupportedOperationException naming the class if it overrides none of the three
   */
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    Class<?> type = getClass();
    if (TypeInformationOverrides.overridesCreateSerializerWithExecutionConfig(type)) {
      return createSerializer(TypeInformationOverrides.executionConfigWith(config));
    }
    if (TypeInformationOverrides.overridesCreateSerializer(type)) {
      return createSerializer();
    }
    throw new UnsupportedOperationException(
        "The type information " + type.getName() + " creates no serializer: override"
            + " createSerializer(SerializerConfig)");
  }

  /**
   * Flink's older form of {@link #createSerializer(SerializerConfig)}, which it calls with the
   * config's serializer settings.
   *
   * @deprecated as in Flink: override and call {@link #createSerializer(SerializerConfig)}
   */
  @Deprecated
  public TypeSerializer<T> createSerializer(ExecutionConfig config) {
    return createSerializer(config.getSerializerConfig());
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

  // More of Flink's TypeInformation members, for type information written against Flink.

  /**
   * The type information of this type's generic parameters by parameter name, as type extraction
   * passes them to a {@link TypeInfoFactory}; empty by default (and for a type without any).
   */
  public Map<String, TypeInformation<?>> getGenericParameters() {
    return Collections.emptyMap();
  }

  /**
   * Whether values of this type can be sorted. Spate sorts no serialized keys, so this is {@link
   * #isKeyType()}, as it is for Flink's own types.
   */
  public boolean isSortKeyType() {
    return isKeyType();
  }

  /**
   * Whether {@code obj} may equal this type information, for {@code equals} in a class hierarchy:
   * by default, whether it is of the same class.
   */
  public boolean canEqual(Object obj) {
    return obj != null && obj.getClass() == getClass();
  }
}
