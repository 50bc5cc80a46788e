package io.spate.table.types.utils;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.AtomicDataType;
import io.spate.table.types.CollectionDataType;
import io.spate.table.types.DataType;
import io.spate.table.types.FieldsDataType;
import io.spate.table.types.KeyValueDataType;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;
import java.util.List;
import java.util.stream.Collectors;

/** Conversions between logical types and data types. */
@PublicEvolving
public final class TypeConversions {

  private TypeConversions() {}

  /** The data type of {@code logicalType} with the default conversion class at every level. */
  public static DataType fromLogicalToDataType(LogicalType logicalType) {
    if (logicalType instanceof ArrayType) {
      return new CollectionDataType(logicalType, fromLogicalToDataType(((ArrayType) logicalType).getElementType()));
    }
    if (logicalType instanceof MultisetType) {
      return new CollectionDataType(
          logicalType, fromLogicalToDataType(((MultisetType) logicalType).getElementType()));
    }
    if (logicalType instanceof MapType) {
      MapType map = (MapType) logicalType;
      return new KeyValueDataType(
          logicalType, fromLogicalToDataType(map.getKeyType()), fromLogicalToDataType(map.getValueType()));
    }
    if (logicalType instanceof RowType) {
      List<DataType> fields = logicalType.getChildren().stream()
          .map(TypeConversions::fromLogicalToDataType)
          .collect(Collectors.toList());
      return new FieldsDataType(logicalType, fields);
    }
    return new AtomicDataType(logicalType);
  }

  /** The logical type of {@code dataType}. */
  public static LogicalType fromDataToLogicalType(DataType dataType) {
    return dataType.getLogicalType();
  }
}
