package io.spate.table.runtime.keys;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import java.util.Arrays;
import java.util.List;

/**
 * The type of the keys {@link SqlKeySelector} makes from fields of given SQL types. Its key hash is the
 * key's {@code hashCode}, which is the same in every JVM, so that the partitioner and the state
 * backends put a key in the same key group; its serializers write the same bytes for equal keys, as
 * RocksDB compares keys by their bytes.
 */
@Internal
public final class SqlKeyTypeInfo extends TypeInformation<Object> {

  private static final long serialVersionUID = 1L;

  private final boolean singleValue;
  private final TypeInformation<?>[] fieldTypes;

  private SqlKeyTypeInfo(boolean singleValue, TypeInformation<?>[] fieldTypes) {
    this.singleValue = singleValue;
    this.fieldTypes = fieldTypes;
  }

  /** The type of keys of fields of {@code types}. */
  public static SqlKeyTypeInfo of(List<LogicalType> types) {
    return new SqlKeyTypeInfo(isSingleValue(types),
        types.stream().map(TypeInfos::of).toArray(TypeInformation<?>[]::new));
  }

  /**
   * Whether keys of fields of {@code types} are the one field's value itself: one field whose values'
   * own {@code equals} and {@code hashCode} compare by content (numbers, strings, booleans, decimals,
   * times, rows), so not binary strings, arrays, maps or multisets.
   */
  public static boolean isSingleValue(List<LogicalType> types) {
    if (types.size() != 1) {
      return false;
    }
    return switch (types.get(0).getTypeRoot()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, DATE,
          TIME_WITHOUT_TIME_ZONE, TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE, INTERVAL_YEAR_MONTH,
          INTERVAL_DAY_TIME, ROW -> true;
      default -> false;
    };
  }

  @Override
  public Class<Object> getTypeClass() {
    return Object.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<Object> createSerializer() {
    TypeSerializer<Object>[] serializers = new TypeSerializer[fieldTypes.length];
    for (int i = 0; i < serializers.length; i++) {
      serializers[i] = (TypeSerializer<Object>) fieldTypes[i].createSerializer();
    }
    return singleValue ? new SingleValueKeySerializer(serializers[0]) : new CompositeKeySerializer(serializers);
  }

  @Override
  public int keyHash(Object key) {
    return key.hashCode();
  }

  @Override
  public void checkValidKey() {
    // Keys compare by content (see CompositeKey).
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    // Keys compare by content (see CompositeKey).
  }

  @Override
  public boolean isKeyType() {
    return true;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlKeyTypeInfo other && other.singleValue == singleValue
        && Arrays.equals(other.fieldTypes, fieldTypes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(fieldTypes) + (singleValue ? 1 : 0);
  }

  @Override
  public String toString() {
    return (singleValue ? "Key" : "CompositeKey") + Arrays.toString(fieldTypes);
  }
}
