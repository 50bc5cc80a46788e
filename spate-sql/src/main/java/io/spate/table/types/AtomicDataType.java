package io.spate.table.types;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.LogicalType;
import java.util.List;

/** A data type without nested data types: every predefined type such as INT, STRING or TIMESTAMP(3). */
@PublicEvolving
public final class AtomicDataType extends DataType {

  private static final long serialVersionUID = 1L;

  /** The data type of {@code logicalType} bridged to {@code conversionClass}, or its default if null. */
  public AtomicDataType(LogicalType logicalType, Class<?> conversionClass) {
    super(logicalType, conversionClass);
  }

  /** The data type of {@code logicalType} with its default conversion class. */
  public AtomicDataType(LogicalType logicalType) {
    this(logicalType, null);
  }

  @Override
  public List<DataType> getChildren() {
    return List.of();
  }

  @Override
  public DataType notNull() {
    return new AtomicDataType(logicalType.copy(false), explicitConversionClass());
  }

  @Override
  public DataType nullable() {
    return new AtomicDataType(logicalType.copy(true), explicitConversionClass());
  }

  @Override
  public DataType bridgedTo(Class<?> newConversionClass) {
    return new AtomicDataType(logicalType, newConversionClass);
  }
}
