package io.spate.table.planner.translate;

import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code METADATA} columns of a table as its connector gives or takes them: each column's key
 * must be one the connector lists, with the column's type (nullability aside); the connector's rows
 * are then the physical columns followed by the metadata columns, in the table's order.
 */
final class TableMetadataColumns {

  private TableMetadataColumns() {}

  /** The metadata columns of {@code table} that {@code included} selects, in order. */
  static List<Column.MetadataColumn> of(CatalogTable table, Predicate<Column.MetadataColumn> included) {
    List<Column.MetadataColumn> columns = new ArrayList<>();
    for (Column column : table.getColumns()) {
      if (column instanceof Column.MetadataColumn metadata && included.test(metadata)) {
        columns.add(metadata);
      }
    }
    return columns;
  }

  /** The keys of {@code columns}, checked against what the connector ({@code available}) has; {@code reads} words the error. */
  static List<String> keys(CatalogTable table, List<Column.MetadataColumn> columns, Map<String, DataType> available,
      String connector, boolean reads) {
    List<String> keys = new ArrayList<>();
    for (Column.MetadataColumn column : columns) {
      DataType type = available.get(column.key());
      if (type == null) {
        throw new ValidationException("Table " + table.getIdentifier().asSummaryString() + ": column '"
            + column.getName() + "' has METADATA key '" + column.key() + "', which connector '" + connector
            + "' does not " + (reads ? "read" : "write") + ". It " + (reads ? "reads" : "writes") + ": "
            + String.join(", ", available.keySet()) + (reads ? "" : "; declare a metadata column that is only read"
            + " VIRTUAL"));
      }
      LogicalType expected = TypeConversions.fromDataToLogicalType(type);
      if (!expected.copy(true).equals(column.getType().copy(true))) {
        throw new ValidationException("Table " + table.getIdentifier().asSummaryString() + ": METADATA column '"
            + column.getName() + "' (key '" + column.key() + "') is " + column.getType().asSummaryString()
            + ", but the connector's '" + column.key() + "' is " + expected.asSummaryString());
      }
      keys.add(column.key());
    }
    return keys;
  }

  /** The rows of a connector with {@code columns} besides the physical ones: physical columns, then those. */
  static RowType rowType(CatalogTable table, List<Column.MetadataColumn> columns) {
    List<RowType.RowField> fields = new ArrayList<>(table.getPhysicalRowType().getFields());
    for (Column.MetadataColumn column : columns) {
      fields.add(new RowType.RowField(column.getName(), column.getType()));
    }
    return new RowType(false, fields);
  }
}
