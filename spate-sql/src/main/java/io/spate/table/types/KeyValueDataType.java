package io.spate.table.types;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.LogicalType;
import java.util.List;
import java.util.Objects;

/** The data type of a MAP with the data types of its keys and values; its values are {@link java.util.Map}s. */
@PublicEvolving
public final class KeyValueDataType extends DataType {

  private static final long serialVersionUID = 1L;

  private final DataType keyDataType;
  private final DataType valueDataType;

  /** The map data type of {@code logicalType} with the given key and value data types. */
  public KeyValueDataType(
      LogicalType logicalType, Class<?> conversionClass, DataType keyDataType, DataType valueDataType) {
    super(logicalType, conversionClass);
    this.keyDataType = Objects.requireNonNull(keyDataType, "keyDataType");
    this.valueDataType = Objects.requireNonNull(valueDataType, "valueDataType");
  }

  /** The map data type of {@code logicalType} with its default conversion class. */
  public KeyValueDataType(LogicalType logicalType, DataType keyDataType, DataType valueDataType) {
    this(logicalType, null, keyDataType, valueDataType);
  }

  /** The data type of the keys. */
  public DataType getKeyDataType() {
    return keyDataType;
  }

  /** The data type of the values. */
  public DataType getValueDataType() {
    return valueDataType;
  }

  @Override
  public List<DataType> getChildren() {
    return List.of(keyDataType, valueDataType);
  }

  @Override
  public DataType notNull() {
    return new KeyValueDataType(logicalType.copy(false), explicitConversionClass(), keyDataType, valueDataType);
  }

  @Override
  public DataType nullable() {
    return new KeyValueDataType(logicalType.copy(true), explicitConversionClass(), keyDataType, valueDataType);
  }

  @Override
  public DataType bridgedTo(Class<?> newConversionClass) {
    return new KeyValueDataType(logicalType, newConversionClass, keyDataType, valueDataType);
  }
}
