package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.MapSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.util.Map;
import java.util.Objects;

/**
 * Type information of {@link Map}s of one key and one value type. Keys and values may be null;
 * deserialized maps are {@link java.util.LinkedHashMap}s in the original iteration order.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@PublicEvolving
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<K> keyType;
  private final TypeInformation<V> valueType;

  /** Creates the type information of maps from {@code keyType} to {@code valueType}. */
  public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
  }

  /** The type of the keys. */
  public TypeInformation<K> getKeyType() {
    return keyType;
  }

  /** The type of the values. */
  public TypeInformation<V> getValueType() {
    return valueType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Map<K, V>> getTypeClass() {
    return (Class) Map.class;
  }

  @Override
  public TypeSerializer<Map<K, V>> createSerializer() {
    return new MapSerializer<>(keyType.createSerializer(), valueType.createSerializer());
  }

  /**
   * The sum over the entries of key hash XOR value hash, like {@link Map#hashCode()}, so that equal
   * maps hash equally whatever their iteration order.
   */
  @Override
  public int keyHash(Map<K, V> value) {
    int hash = 0;
    for (Map.Entry<K, V> entry : value.entrySet()) {
      K k = entry.getKey();
      V v = entry.getValue();
      hash += (k == null ? 0 : keyType.keyHash(k)) ^ (v == null ? 0 : valueType.keyHash(v));
    }
    return hash;
  }

  @Override
  public void checkValidKey() {
    checkValidKey("");
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    keyType.checkValidKey(FieldPaths.mapKey(fieldPath));
    valueType.checkValidKey(FieldPaths.mapValue(fieldPath));
  }

  @Override
  public <F> FieldAccessor<Map<K, V>, F> fieldAccessor(String fieldExpression) {
    throw new InvalidTypesException(
        "Type " + this + " is a map and has no field '" + fieldExpression + "'");
  }

  @Override
  public <F> FieldAccessor<Map<K, V>, F> fieldAccessor(int position) {
    throw new InvalidTypesException("Type " + this + " is a map and has no fields by position");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapTypeInfo<?, ?> other
        && other.keyType.equals(keyType)
        && other.valueType.equals(valueType);
  }

  @Override
  public int hashCode() {
    return 31 * keyType.hashCode() + valueType.hashCode();
  }

  @Override
  public String toString() {
    return "Map<" + keyType + ", " + valueType + ">";
  }

  // Flink's names for the key and value types, and its constructor from classes.

  /** The type information of the map from {@code keyClass} to {@code valueClass}, derived by reflection. */
  public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
    this(TypeExtractor.createTypeInfo(keyClass), TypeExtractor.createTypeInfo(valueClass));
  }

  /** The type of the keys; Flink's name for {@link #getKeyType()}. */
  public TypeInformation<K> getKeyTypeInfo() {
    return keyType;
  }

  /** The type of the values; Flink's name for {@link #getValueType()}. */
  public TypeInformation<V> getValueTypeInfo() {
    return valueType;
  }
}
