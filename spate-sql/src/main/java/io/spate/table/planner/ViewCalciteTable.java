package io.spate.table.planner;

import io.spate.table.catalog.CatalogView;
import io.spate.table.planner.calcite.SpateTypeFactory;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A view as Calcite sees it: reading it expands its stored, fully qualified query in place. */
final class ViewCalciteTable extends AbstractTable implements TranslatableTable {

  private final CatalogView view;

  ViewCalciteTable(CatalogView view) {
    this.view = view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return ((SpateTypeFactory) typeFactory).createFieldTypeFromLogicalType(view.getRowType().copy(false));
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    List<String> path = List.of(view.getIdentifier().getCatalogName(), view.getIdentifier().getDatabaseName());
    return context.expandView(relOptTable.getRowType(), view.getExpandedQuery(), path, relOptTable.getQualifiedName())
        .project();
  }
}
