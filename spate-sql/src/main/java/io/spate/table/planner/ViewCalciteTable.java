package io.spate.table.planner;

import io.spate.table.catalog.CatalogView;
import io.spate.table.planner.calcite.SpateTypeFactory;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeUtil;

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
    RelNode query = context.expandView(relOptTable.getRowType(), view.getExpandedQuery(), path,
        relOptTable.getQualifiedName()).project();
    RelDataType declared = relOptTable.getRowType();
    // The view's columns keep Flink's interval types (INTERVAL SECOND(3), INTERVAL MONTH), which its query
    // computes with other fields (INTERVAL MINUTE, ...): the same values, cast to the declared type.
    return intervalsDifferOnly(query.getRowType(), declared) ? RelOptUtil.createCastRel(query, declared, false) : query;
  }

  private static boolean intervalsDifferOnly(RelDataType actual, RelDataType declared) {
    if (actual.equals(declared) || actual.getFieldCount() != declared.getFieldCount()) {
      return false;
    }
    for (int i = 0; i < actual.getFieldCount(); i++) {
      RelDataType a = actual.getFieldList().get(i).getType();
      RelDataType d = declared.getFieldList().get(i).getType();
      if (!a.equals(d) && !(SqlTypeUtil.isInterval(a) && SqlTypeUtil.isInterval(d)
          && a.getSqlTypeName().getFamily() == d.getSqlTypeName().getFamily())) {
        return false;
      }
    }
    return true;
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
