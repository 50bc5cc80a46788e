package io.spate.table.planner.translate;

import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.abilities.SupportsReadingMetadata;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.List;

/** Asks a table's source for its {@code METADATA} columns (virtual or not: a scan reads them all). */
final class ReadableMetadata {

  private ReadableMetadata() {}

  /**
   * The rows {@code source} produces for {@code table}: its physical columns, then its metadata
   * columns in order, which the source was told to append; fails naming a column the source cannot give.
   */
  static RowType apply(CatalogTable table, DynamicTableSource source) {
    List<Column.MetadataColumn> columns = TableMetadataColumns.of(table, c -> true);
    if (columns.isEmpty()) {
      return table.getPhysicalRowType();
    }
    if (!(source instanceof SupportsReadingMetadata reading)) {
      throw new ValidationException("Table " + table.getIdentifier().asSummaryString() + " has METADATA column '"
          + columns.get(0).getName() + "', but its connector (" + source.asSummaryString() + ") reads no metadata");
    }
    List<String> keys = TableMetadataColumns.keys(table, columns, reading.listReadableMetadata(),
        source.asSummaryString(), true);
    RowType produced = TableMetadataColumns.rowType(table, columns);
    reading.applyReadableMetadata(keys, TypeConversions.fromLogicalToDataType(produced));
    return produced;
  }
}
