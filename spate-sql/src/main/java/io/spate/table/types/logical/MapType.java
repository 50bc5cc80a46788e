package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The SQL type {@code MAP<k, v>}: a map from keys of type k to values of type v, a {@link Map} in Java. */
@PublicEvolving
public final class MapType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "MAP<%s, %s>";

  private final LogicalType keyType;
  private final LogicalType valueType;

  /** The type of maps from {@code keyType} to {@code valueType}, nullable or not. */
  public MapType(boolean isNullable, LogicalType keyType, LogicalType valueType) {
    super(isNullable, LogicalTypeRoot.MAP);
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
  }

  /** The nullable type of maps from {@code keyType} to {@code valueType}. */
  public MapType(LogicalType keyType, LogicalType valueType) {
    this(true, keyType, valueType);
  }

  /** The type of the keys. */
  public LogicalType getKeyType() {
    return keyType;
  }

  /** The type of the values. */
  public LogicalType getValueType() {
    return valueType;
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new MapType(isNullable, keyType.copy(), valueType.copy());
  }

  @Override
  public String asSerializableString() {
    return withNullability(FORMAT, keyType.asSerializableString(), valueType.asSerializableString());
  }

  @Override
  public String asSummaryString() {
    return withNullability(FORMAT, keyType.asSummaryString(), valueType.asSummaryString());
  }

  @Override
  public boolean supportsInputConversion(Class<?> clazz) {
    return Map.class.isAssignableFrom(clazz);
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return clazz == Map.class;
  }

  @Override
  public Class<?> getDefaultConversion() {
    return Map.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of(keyType, valueType);
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && keyType.equals(((MapType) o).keyType) && valueType.equals(((MapType) o).valueType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), keyType, valueType);
  }
}
