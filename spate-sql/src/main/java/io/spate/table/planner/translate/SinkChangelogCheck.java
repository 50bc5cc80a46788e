package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.sink.DynamicTableSink;
import org.apache.calcite.rel.RelNode;

/**
 * Refuses, while planning, an {@code INSERT} of an updating query into a sink that takes only
 * inserts, naming the sink's table and the plan node whose result updates, as Flink does.
 */
@Internal
public final class SinkChangelogCheck {

  private SinkChangelogCheck() {}

  /** Fails if {@code plan} updates its result and {@code sink} of {@code table} takes inserts only. */
  public static void check(DynamicTableSink sink, CatalogTable table, RelNode plan) {
    if (StreamTranslator.isInsertOnly(plan) || !sink.getChangelogMode(ChangelogMode.all()).isInsertOnly()) {
      return;
    }
    RelNode updating = firstUpdating(plan);
    throw new ValidationException("Table sink '" + table.getIdentifier().asSummaryString() + "' doesn't support"
        + " consuming update changes which is produced by node " + updating.getRelTypeName() + " ("
        + updating.explain().trim().lines().findFirst().orElse("") + "): the " + sink.asSummaryString()
        + " connector takes inserts only");
  }

  /** The node of {@code plan} that updates while all of its inputs only insert. */
  private static RelNode firstUpdating(RelNode plan) {
    for (RelNode input : plan.getInputs()) {
      if (!StreamTranslator.isInsertOnly(input)) {
        return firstUpdating(input);
      }
    }
    return plan;
  }
}
