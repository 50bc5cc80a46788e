package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.config.TableConfigOptions.NotNullEnforcer;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.runtime.operators.sink.SinkNotNullEnforcer;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * Enforces a sink table's {@code NOT NULL} columns on the rows an INSERT writes, as Flink's
 * {@code table.exec.sink.not-null-enforcer} does: only for the columns whose query column may be NULL.
 */
@Internal
public final class SinkNotNullColumns {

  private SinkNotNullColumns() {}

  /**
   * {@code rows}, the rows of {@code query} into {@code table} (its persisted columns in order), checked by a
   * {@link SinkNotNullEnforcer} where a NOT NULL column of the table may get a NULL from the query.
   */
  public static DataStream<Row> apply(DataStream<Row> rows, RelNode query, CatalogTable table, NotNullEnforcer mode) {
    RowType sink = table.getPersistedRowType();
    List<Integer> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sink.getFieldCount(); i++) {
      if (!sink.getTypeAt(i).isNullable() && query.getRowType().getFieldList().get(i).getType().isNullable()) {
        fields.add(i);
        names.add(sink.getFieldNames().get(i));
      }
    }
    if (fields.isEmpty()) {
      return rows;
    }
    return rows.filter(new SinkNotNullEnforcer(table.getIdentifier().asSummaryString(),
            fields.stream().mapToInt(Integer::intValue).toArray(), names, mode == NotNullEnforcer.DROP))
        .name("ConstraintEnforcer[NotNullEnforcer(fields=[" + String.join(", ", names) + "])]");
  }
}
