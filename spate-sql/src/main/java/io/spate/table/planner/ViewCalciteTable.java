package io.spate.table.planner;

import io.spate.table.catalog.CatalogView;
import io.spate.table.planner.calcite.SpateTypeFactory;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A view as Calcite sees it: reading it expands its stored, fully qualified query in place. */
final class ViewCalciteTable extends AbstractTable implements TranslatableTable, TemporalTable {

  private final CatalogView view;

  ViewCalciteTable(CatalogView view) {
    this.view = view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    // A top-level row (not a nested ROW column): an outer join makes its fields nullable, as the validator expects.
    return ((SpateTypeFactory) typeFactory).buildRelNodeRowType(view.getRowType());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    List<String> path = List.of(view.getIdentifier().getCatalogName(), view.getIdentifier().getDatabaseName());
    return context.expandView(relOptTable.getRowType(), view.getExpandedQuery(), path, relOptTable.getQualifiedName())
        .project();
  }

  // A view may follow FOR SYSTEM_TIME AS OF in validation; the temporal join translator checks that it is
  // a versioned table (a primary key and an event-time attribute passed on from the table it reads).
  @Override
  public String getSysStartFieldName() {
    return view.getRowType().getFieldNames().get(0);
  }

  @Override
  public String getSysEndFieldName() {
    return getSysStartFieldName();
  }
}
