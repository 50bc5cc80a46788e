package io.spate.table.formats.avro;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;

/** The row type of a table's columns in an Avro-based format, checked to have an Avro schema. */
@Internal
public final class AvroRowTypes {

  private AvroRowTypes() {}

  /**
   * The row type of {@code physicalDataType}, after checking that Avro can hold it.
   *
   * @throws ValidationException naming the table and the column Avro cannot hold
   */
  public static RowType checked(String table, DataType physicalDataType, boolean legacyTimestampMapping) {
    RowType rowType = (RowType) TypeConversions.fromDataToLogicalType(physicalDataType);
    try {
      AvroSchemaConverter.convertToSchema(rowType, legacyTimestampMapping);
    } catch (ValidationException e) {
      throw new ValidationException("Table " + table + ": " + e.getMessage(), e);
    }
    return rowType;
  }
}
