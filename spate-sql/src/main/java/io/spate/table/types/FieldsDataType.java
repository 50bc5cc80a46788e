package io.spate.table.types;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.LogicalType;
import java.util.List;

/** The data type of a ROW with the data types of its fields; its values are {@code io.spate.api.types.Row}s. */
@PublicEvolving
public final class FieldsDataType extends DataType {

  private static final long serialVersionUID = 1L;

  private final List<DataType> fieldDataTypes;

  /** The row data type of {@code logicalType} with the given field data types, in field order. */
  public FieldsDataType(LogicalType logicalType, Class<?> conversionClass, List<DataType> fieldDataTypes) {
    super(logicalType, conversionClass);
    this.fieldDataTypes = List.copyOf(fieldDataTypes);
  }

  /** The row data type of {@code logicalType} with its default conversion class. */
  public FieldsDataType(LogicalType logicalType, List<DataType> fieldDataTypes) {
    this(logicalType, null, fieldDataTypes);
  }

  @Override
  public List<DataType> getChildren() {
    return fieldDataTypes;
  }

  @Override
  public DataType notNull() {
    return new FieldsDataType(logicalType.copy(false), explicitConversionClass(), fieldDataTypes);
  }

  @Override
  public DataType nullable() {
    return new FieldsDataType(logicalType.copy(true), explicitConversionClass(), fieldDataTypes);
  }

  @Override
  public DataType bridgedTo(Class<?> newConversionClass) {
    return new FieldsDataType(logicalType, newConversionClass, fieldDataTypes);
  }
}
