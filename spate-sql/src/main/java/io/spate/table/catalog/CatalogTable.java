package io.spate.table.catalog;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table: its columns (physical, computed and metadata), its watermark, primary key, partition
 * keys and the connector options of its {@code WITH} clause, with every type resolved.
 */
@PublicEvolving
public record CatalogTable(ObjectIdentifier getIdentifier, List<Column> getColumns, WatermarkSpec getWatermarkSpec,
    List<String> getPrimaryKey, Map<String, String> getOptions, String getComment, List<String> getPartitionKeys)
    implements CatalogBaseTable {

  /** A table; lists and options are copied. */
  public CatalogTable {
    getColumns = List.copyOf(getColumns);
    getPrimaryKey = List.copyOf(getPrimaryKey);
    getOptions = Map.copyOf(getOptions);
    getPartitionKeys = List.copyOf(getPartitionKeys);
  }

  @Override
  public RowType getRowType() {
    return rowTypeOf(getColumns);
  }

  /** The type of the rows the connector reads or writes: the physical columns only, in order. */
  public RowType getPhysicalRowType() {
    return rowTypeOf(getColumns.stream().filter(Column::isPhysical).toList());
  }

  /**
   * The type of the rows an {@code INSERT} writes, Flink's sink schema: the persisted columns (physical and not
   * {@code VIRTUAL} metadata columns) in order, without computed and virtual metadata columns.
   */
  public RowType getPersistedRowType() {
    return rowTypeOf(getColumns.stream().filter(Column::isPersisted).toList());
  }

  /** The column named {@code name}, if there is one. */
  public Optional<Column> getColumn(String name) {
    return getColumns.stream().filter(c -> c.getName().equals(name)).findFirst();
  }

  /** A copy with other options. */
  public CatalogTable withOptions(Map<String, String> options) {
    return new CatalogTable(getIdentifier, getColumns, getWatermarkSpec, getPrimaryKey, options, getComment,
        getPartitionKeys);
  }

  /** A copy under another name. */
  public CatalogTable withIdentifier(ObjectIdentifier identifier) {
    return new CatalogTable(identifier, getColumns, getWatermarkSpec, getPrimaryKey, getOptions, getComment,
        getPartitionKeys);
  }

  private static RowType rowTypeOf(List<Column> columns) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (Column column : columns) {
      LogicalType type = column.getType();
      fields.add(new RowType.RowField(column.getName(), type));
    }
    return new RowType(false, fields);
  }
}
