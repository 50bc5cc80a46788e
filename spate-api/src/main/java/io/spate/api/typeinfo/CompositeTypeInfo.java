package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.TypeSerializer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Base of the type information of types made of named fields (records and POJOs): field lookup by
 * name, dotted paths into nested fields, and key hashes and key checks that combine the fields'.
 *
 * @param <T> the described type
 */
@PublicEvolving
public abstract class CompositeTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;
  private final String[] fieldNames;
  private final TypeInformation<?>[] fieldTypes;
  private final TypeInformation<?>[] typeArguments;

  CompositeTypeInfo(
      Class<T> typeClass,
      String[] fieldNames,
      TypeInformation<?>[] fieldTypes,
      TypeInformation<?>[] typeArguments) {
    this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    this.fieldNames = fieldNames.clone();
    this.fieldTypes = fieldTypes.clone();
    this.typeArguments = typeArguments == null ? new TypeInformation<?>[0] : typeArguments.clone();
    if (fieldNames.length != fieldTypes.length) {
      throw new IllegalArgumentException(
          fieldNames.length + " field names but " + fieldTypes.length + " field types");
    }
    for (int i = 0; i < fieldTypes.length; i++) {
      Objects.requireNonNull(fieldTypes[i], "the type of field " + fieldNames[i]);
    }
  }

  /** The number of fields. */
  @Override
  public int getArity() {
    return fieldNames.length;
  }

  /** The field names, in serialization order. */
  public List<String> getFieldNames() {
    return Collections.unmodifiableList(Arrays.asList(fieldNames));
  }

  /** The index of the field called {@code name}, or -1. */
  public int getFieldIndex(String name) {
    for (int i = 0; i < fieldNames.length; i++) {
      if (fieldNames[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The type of the field at {@code index}. */
  public TypeInformation<?> getFieldType(int index) {
    return fieldTypes[index];
  }

  /**
   * The type of the field called {@code name}.
   *
   * @throws InvalidTypesException naming the available fields, if there is no such field
   */
  public TypeInformation<?> getFieldType(String name) {
    return fieldTypes[requireField(name, name)];
  }

  /**
   * The types bound to the class's type parameters, in declaration order (empty for a class without
   * type parameters).
   */
  public List<TypeInformation<?>> getTypeArguments() {
    return Collections.unmodifiableList(Arrays.asList(typeArguments));
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  /** The fields of nested composite types counted one by one; a type without fields counts as 1. */
  @Override
  public int getTotalFields() {
    int total = 0;
    for (TypeInformation<?> fieldType : fieldTypes) {
      total += fieldType.getTotalFields();
    }
    return total;
  }

  /** A new serializer per field, in field order. */
  TypeSerializer<?>[] createFieldSerializers() {
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[getArity()];
    for (int i = 0; i < serializers.length; i++) {
      serializers[i] = getFieldType(i).createSerializer();
    }
    return serializers;
  }

  /** Reads field {@code index} of {@code value}. */
  abstract Object getField(T value, int index);

  /** The accessor of field {@code index}. */
  abstract <F> FieldAccessor<T, F> fieldAccessorAt(int index);

  /** "Record" or "Pojo", for toString. */
  abstract String kind();

  private int requireField(String name, String expression) {
    int index = getFieldIndex(name);
    if (index < 0) {
      throw new InvalidTypesException(
          "Type " + typeClass.getName() + " has no field '" + name + "'"
              + (expression.equals(name) ? "" : " (in the field expression '" + expression + "')")
              + "; its fields are: " + (fieldNames.length == 0 ? "none" : String.join(", ", fieldNames)));
    }
    return index;
  }

  /**
   * The accessor of a field by name; a dotted expression such as {@code bid.price} reaches into
   * nested records and POJOs.
   */
  @Override
  @SuppressWarnings("unchecked")
  public <F> FieldAccessor<T, F> fieldAccessor(String fieldExpression) {
    Objects.requireNonNull(fieldExpression, "fieldExpression");
    int dot = fieldExpression.indexOf('.');
    String head = dot < 0 ? fieldExpression : fieldExpression.substring(0, dot);
    int index = requireField(head, fieldExpression);
    if (dot < 0) {
      return fieldAccessorAt(index);
    }
    FieldAccessor<T, Object> outer = fieldAccessorAt(index);
    FieldAccessor<Object, F> inner;
    try {
      inner = ((TypeInformation<Object>) fieldTypes[index]).fieldAccessor(fieldExpression.substring(dot + 1));
    } catch (InvalidTypesException e) {
      throw new InvalidTypesException(
          "Cannot resolve the field expression '" + fieldExpression + "' on " + typeClass.getName()
              + ": " + e.getMessage(),
          e);
    }
    return new NestedFieldAccessor<>(head, outer, inner);
  }

  /** Combines the fields' key hashes in field order: {@code h = 31 * h + fieldHash}. */
  @Override
  @SuppressWarnings("unchecked")
  public int keyHash(T value) {
    int hash = 0;
    for (int i = 0; i < fieldTypes.length; i++) {
      Object field = getField(value, i);
      hash = 31 * hash + (field == null ? 0 : ((TypeInformation<Object>) fieldTypes[i]).keyHash(field));
    }
    return hash;
  }

  @Override
  public void checkValidKey() {
    checkValidKey("");
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    for (int i = 0; i < fieldTypes.length; i++) {
      fieldTypes[i].checkValidKey(FieldPaths.field(fieldPath, fieldNames[i]));
    }
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((CompositeTypeInfo<?>) o).typeClass == typeClass
        && Arrays.equals(((CompositeTypeInfo<?>) o).fieldNames, fieldNames)
        && Arrays.equals(((CompositeTypeInfo<?>) o).fieldTypes, fieldTypes);
  }

  @Override
  public int hashCode() {
    return 31 * typeClass.hashCode() + Arrays.hashCode(fieldTypes);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind()).append('(').append(typeClass.getSimpleName());
    text.append("){");
    for (int i = 0; i < fieldNames.length; i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(fieldNames[i]).append(": ").append(fieldTypes[i]);
    }
    return text.append('}').toString();
  }

  // Flink's CompositeType lookups of field types.

  /**
   * The type of the field named by {@code fieldExpression}, which may reach into nested fields
   * ({@code "f1.f0"}, {@code "address.city"}).
   *
   * @throws InvalidTypesException if there is no such field
   */
  @SuppressWarnings("unchecked")
  public <X> TypeInformation<X> getTypeAt(String fieldExpression) {
    return (TypeInformation<X>) fieldAccessor(fieldExpression).getFieldType();
  }

  /**
   * The type of the field at {@code pos}, in the order of {@link #getFieldNames()}.
   *
   * @throws InvalidTypesException if there is no such position
   */
  @SuppressWarnings("unchecked")
  public <X> TypeInformation<X> getTypeAt(int pos) {
    if (pos < 0 || pos >= getArity()) {
      throw new InvalidTypesException(
          "Type " + this + " has no field at position " + pos + "; it has " + getArity() + " fields");
    }
    return (TypeInformation<X>) getFieldType(pos);
  }
}
