package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.sink.abilities.SupportsWritingMetadata;
import io.spate.table.runtime.operators.FieldsProjection;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a sink the persisted {@code METADATA} columns of its table: the query's rows (the table's
 * persisted columns in order) become the physical columns followed by the metadata columns, which the
 * sink was told to take.
 */
@Internal
public final class WritableMetadata {

  private WritableMetadata() {}

  /**
   * {@code rows}, a query's rows into {@code table} (its persisted columns in order), as {@code sink} takes them;
   * fails naming a column it cannot write.
   */
  public static DataStream<Row> apply(CatalogTable table, DynamicTableSink sink, DataStream<Row> rows) {
    List<Column.MetadataColumn> columns = TableMetadataColumns.of(table, Column::isPersisted);
    if (columns.isEmpty()) {
      return rows;
    }
    if (!(sink instanceof SupportsWritingMetadata writing)) {
      throw new ValidationException("Table " + table.getIdentifier().asSummaryString() + " has METADATA column '"
          + columns.get(0).getName() + "', but its connector (" + sink.asSummaryString() + ") writes no metadata;"
          + " declare it VIRTUAL");
    }
    List<String> keys = TableMetadataColumns.keys(table, columns, writing.listWritableMetadata(),
        sink.asSummaryString(), false);
    RowType consumed = TableMetadataColumns.rowType(table, columns);
    writing.applyWritableMetadata(keys, TypeConversions.fromLogicalToDataType(consumed));
    List<Integer> physical = new ArrayList<>();
    List<Integer> metadata = new ArrayList<>();
    int position = 0;
    for (Column column : table.getColumns()) {
      if (!column.isPersisted()) {
        continue;
      }
      (column.isPhysical() ? physical : metadata).add(position++);
    }
    physical.addAll(metadata);
    return rows.map(new FieldsProjection(physical.stream().mapToInt(Integer::intValue).toArray()),
        TypeInfos.ofRow(consumed)).name("Metadata of " + table.getIdentifier().getObjectName());
  }
}
