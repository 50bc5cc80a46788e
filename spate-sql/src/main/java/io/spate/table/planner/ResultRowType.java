package io.spate.table.planner;

import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelRoot;

/**
 * The row type of a query's result, with column names that are unique as Flink names them: a name that
 * an earlier column already has gets the smallest number that makes it unique appended ({@code SELECT
 * a.url, b.url} gives {@code url} and {@code url0}), case-sensitively.
 */
public final class ResultRowType {

  private ResultRowType() {}

  /** The result type of {@code root}: its validated column types under the names of its plan. */
  public static RowType of(RelRoot root) {
    // The validator keeps the names a select list gives, duplicates too; the plan Calcite converts the query
    // to has them made unique, and Flink's result schema takes the plan's names.
    List<String> names = root.project().getRowType().getFieldNames();
    List<RowType.RowField> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      fields.add(new RowType.RowField(names.get(i),
          SpateTypeFactory.toLogicalType(root.validatedRowType.getFieldList().get(i).getType())));
    }
    return new RowType(false, fields);
  }
}
