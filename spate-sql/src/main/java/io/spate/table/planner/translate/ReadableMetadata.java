package io.spate.table.planner.translate;

import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.abilities.SupportsReadingMetadata;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.ArrayList;
import java.util.List;

/** Asks a table's source for its {@code METADATA} columns (virtual or not: a scan reads them all). */
final class ReadableMetadata {

  private ReadableMetadata() {}

  /** The rows of all the table's physical fields followed by its metadata columns, before any projection. */
  static RowType allFields(CatalogTable table) {
    return TableMetadataColumns.rowType(table, TableMetadataColumns.of(table, c -> true));
  }

  /**
   * The rows {@code source} produces for {@code table}: the physical fields it gives ({@code physical},
   * all the table's or a projection of them), then the table's metadata columns in order, which the
   * source is told to append; fails naming a column the source cannot give.
   */
  static RowType apply(CatalogTable table, DynamicTableSource source, RowType physical) {
    List<Column.MetadataColumn> columns = TableMetadataColumns.of(table, c -> true);
    if (columns.isEmpty()) {
      return physical;
    }
    if (!(source instanceof SupportsReadingMetadata reading)) {
      throw new ValidationException("Table " + table.getIdentifier().asSummaryString() + " has METADATA column '"
          + columns.get(0).getName() + "', but its connector (" + source.asSummaryString() + ") reads no metadata");
    }
    List<String> keys = TableMetadataColumns.keys(table, columns, reading.listReadableMetadata(),
        source.asSummaryString(), true);
    List<RowType.RowField> fields = new ArrayList<>(physical.getFields());
    for (Column.MetadataColumn column : columns) {
      fields.add(new RowType.RowField(column.getName(), column.getType()));
    }
    RowType produced = new RowType(false, fields);
    reading.applyReadableMetadata(keys, TypeConversions.fromLogicalToDataType(produced));
    return produced;
  }
}
