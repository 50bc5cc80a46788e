package io.spate.table.planner;

import io.spate.table.catalog.CatalogTable;
import io.spate.table.planner.calcite.SpateTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.TemporalTable;

/**
 * A catalog table as Calcite sees it: its row type (every column, or the persisted ones as the target of an
 * INSERT); the translator reads the rest from the table.
 */
final class CatalogCalciteTable extends AbstractTable implements TemporalTable {

  private final CatalogTable table;
  private final boolean persistedOnly;

  CatalogCalciteTable(CatalogTable table) {
    this(table, false);
  }

  private CatalogCalciteTable(CatalogTable table, boolean persistedOnly) {
    this.table = table;
    this.persistedOnly = persistedOnly;
  }

  /**
   * {@code table} as the target of an {@code INSERT}: only its persisted columns, which the query gives in order,
   * as Flink's sink schema; computed and virtual metadata columns are not written.
   */
  static CatalogCalciteTable insertTarget(CatalogTable table) {
    return new CatalogCalciteTable(table, true);
  }

  /** The catalog's table. */
  CatalogTable table() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    // A top-level row (not a nested ROW column): an outer join makes its fields nullable, as the validator expects.
    return ((SpateTypeFactory) typeFactory).buildRelNodeRowType(
        persistedOnly ? table.getPersistedRowType() : table.getRowType());
  }

  @Override
  public <C extends Object> C unwrap(Class<C> clazz) {
    if (clazz.isInstance(table)) {
      return clazz.cast(table);
    }
    return clazz.isInstance(this) ? clazz.cast(this) : super.unwrap(clazz);
  }

  // Any table may follow FOR SYSTEM_TIME AS OF in Calcite's validation; whether it is a versioned table
  // (a primary key and an event-time attribute) is checked when the temporal join is translated.
  @Override
  public String getSysStartFieldName() {
    return table.getWatermarkSpec() != null ? table.getWatermarkSpec().rowtimeAttribute()
        : table.getColumns().get(0).getName();
  }

  @Override
  public String getSysEndFieldName() {
    return getSysStartFieldName();
  }
}
