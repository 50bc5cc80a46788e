package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.PojoProperty;
import io.spate.api.serialization.PojoSerializer;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TypeSerializer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Type information of a POJO: a public class with a public no-arg constructor whose non-static,
 * non-transient fields are public or have a public getter and setter. Fields are ordered by name. A
 * POJO is a valid key only if it overrides {@code equals} and {@code hashCode}. Field accessors
 * update the POJO in place.
 *
 * @param <T> the POJO type
 */
@Public
public final class PojoTypeInfo<T> extends CompositeTypeInfo<T> {

  private static final long serialVersionUID = 1L;

  private final PojoProperty[] properties;

  PojoTypeInfo(
      Class<T> pojoClass,
      PojoProperty[] properties,
      TypeInformation<?>[] fieldTypes,
      TypeInformation<?>[] typeArguments) {
    super(pojoClass, names(properties), fieldTypes, typeArguments);
    this.properties = properties.clone();
  }

  private static String[] names(PojoProperty[] properties) {
    String[] names = new String[properties.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = properties[i].getName();
    }
    return names;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return new PojoSerializer<>(getTypeClass(), properties, createFieldSerializers());
  }

  @Override
  Object getField(T value, int index) {
    return properties[index].get(value);
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    Class<T> type = getTypeClass();
    if (!overrides(type, "equals", Object.class) || !overrides(type, "hashCode")) {
      throw new InvalidTypesException(
          FieldPaths.subject(fieldPath, type.getName()) + " cannot be a key: it does not override"
              + " equals() and hashCode(), so two equal keys would be different objects with"
              + " different hashes and their state would be split. Use a record, or implement"
              + " equals() and hashCode() in " + type.getSimpleName());
    }
    super.checkValidKey(fieldPath);
  }

  private static boolean overrides(Class<?> type, String name, Class<?>... parameterTypes) {
    try {
      Method method = type.getMethod(name, parameterTypes);
      return method.getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** POJO fields have no positions (their order is by name, not declaration); always throws. */
  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    throw new InvalidTypesException(
        "Type " + getTypeClass().getName() + " is a POJO, whose fields have no positions; use a"
            + " field name instead of position " + position + ". Its fields are: "
            + String.join(", ", getFieldNames()));
  }

  @Override
  <F> FieldAccessor<T, F> fieldAccessorAt(int index) {
    return new PropertyAccessor<>(properties[index], getFieldType(index));
  }

  @Override
  String kind() {
    return "Pojo";
  }

  /** Reads and writes one POJO field in place. */
  private static final class PropertyAccessor<T, F> implements FieldAccessor<T, F> {

    private static final long serialVersionUID = 1L;

    private final PojoProperty property;
    private final TypeInformation<?> fieldType;

    PropertyAccessor(PojoProperty property, TypeInformation<?> fieldType) {
      this.property = property;
      this.fieldType = fieldType;
    }

    @Override
    @SuppressWarnings("unchecked")
    public F get(T record) {
      return (F) property.get(record);
    }

    @Override
    public T set(T record, F fieldValue) {
      if (fieldValue == null && property.getType().isPrimitive()) {
        throw new NullPointerException(
            "The " + property + " is a primitive " + property.getType() + " and cannot be set to null");
      }
      property.set(record, fieldValue);
      return record;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<F> getFieldType() {
      return (TypeInformation<F>) fieldType;
    }
  }

  // Flink's names for the POJO serializer.

  /** The POJO serializer, typed as such; Spate's needs nothing from the config. */
  public PojoSerializer<T> createPojoSerializer(SerializerConfig config) {
    return new PojoSerializer<>(getTypeClass(), properties, createFieldSerializers());
  }

  /**
   * The POJO serializer, typed as such.
   *
   * @deprecated as in Flink: use {@link #createPojoSerializer(SerializerConfig)}
   */
  @Deprecated
  public PojoSerializer<T> createPojoSerializer(ExecutionConfig config) {
    return createPojoSerializer(config.getSerializerConfig());
  }

  // Flink's constructor from the POJO's fields, and its field lookup.

  /**
   * The type information of the POJO {@code typeClass} with the given fields, in any order (they are
   * ordered by name, as derived POJO types are). A field that is not public is read and written
   * through its public getter and setter.
   *
   * @throws InvalidTypesException if a field is not public and lacks a getter or setter, or is not
   *     a field of {@code typeClass}
   */
  public PojoTypeInfo(Class<T> typeClass, List<PojoField> fields) {
    this(typeClass, properties(typeClass, byName(fields)), types(byName(fields)), null);
  }

  /**
   * The field at {@code pos}, in the order of {@link #getFieldNames()}, with its type information.
   *
   * @throws InvalidTypesException if there is no such position
   */
  public PojoField getPojoFieldAt(int pos) {
    TypeInformation<?> type = getTypeAt(pos);
    PojoProperty property = properties[pos];
    try {
      return new PojoField(property.getDeclaringClass().getDeclaredField(property.getName()), type);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("The field " + property.getName() + " of " + property.getDeclaringClass().getName()
          + " no longer exists", e);
    }
  }

  private static List<PojoField> byName(List<PojoField> fields) {
    List<PojoField> sorted = new ArrayList<>(fields);
    sorted.sort(Comparator.comparing(f -> f.getField().getName()));
    return sorted;
  }

  private static PojoProperty[] properties(Class<?> typeClass, List<PojoField> fields) {
    PojoProperty[] properties = new PojoProperty[fields.size()];
    for (int i = 0; i < properties.length; i++) {
      Field field = fields.get(i).getField();
      if (!field.getDeclaringClass().isAssignableFrom(typeClass)) {
        throw new InvalidTypesException(
            "The field " + field.getName() + " of " + field.getDeclaringClass().getName() + " is not a field of "
                + typeClass.getName());
      }
      properties[i] = TypeExtractor.pojoProperty(typeClass, field);
    }
    return properties;
  }

  private static TypeInformation<?>[] types(List<PojoField> fields) {
    TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = fields.get(i).getTypeInformation();
    }
    return types;
  }
}
