package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.runtime.operators.UpdateBeforeFilter;
import org.apache.calcite.rel.RelNode;

/**
 * Fits a query's changes to what its sink takes, as Flink's planner does: a sink that takes only
 * inserts refuses a query that updates, naming the node that makes the updates; a sink that takes
 * upserts (no update-before rows) needs a primary key and gets the query's changes without their
 * update-before rows.
 */
@Internal
public final class SinkChangelogs {

  private SinkChangelogs() {}

  /**
   * The rows {@code table}'s sink is given of {@code rows}, the output of {@code query}, which emits
   * {@code produced}; {@code accepted} is what the sink takes.
   */
  public static DataStream<Row> fit(DataStream<Row> rows, RelNode query, ChangelogInference changelog,
      ChangelogMode accepted, CatalogTable table) {
    ChangelogMode produced = changelog.modeOf(query);
    if (produced.isInsertOnly()) {
      return rows;
    }
    boolean updates = produced.contains(RowKind.UPDATE_AFTER);
    boolean deletes = produced.contains(RowKind.DELETE);
    if ((updates && !accepted.contains(RowKind.UPDATE_AFTER)) || (deletes && !accepted.contains(RowKind.DELETE))) {
      throw new ValidationException("Table sink '" + table.getIdentifier().asSummaryString() + "' takes only "
          + kinds(accepted) + ", but the query produces " + (updates && deletes ? "update and delete"
          : updates ? "update" : "delete") + " changes, made by node "
          + PlanNodeNames.describe(changelog.updatingNode(query)) + ". Write it to a sink that takes changes (for"
          + " example upsert-kafka, or jdbc with a PRIMARY KEY), or make the query insert-only");
    }
    if (accepted.contains(RowKind.UPDATE_BEFORE) || !produced.contains(RowKind.UPDATE_BEFORE)) {
      return rows;
    }
    if (table.getPrimaryKey().isEmpty()) {
      throw new ValidationException("Table sink '" + table.getIdentifier().asSummaryString() + "' takes changes as"
          + " upserts by key, but has no PRIMARY KEY; declare one (PRIMARY KEY (...) NOT ENFORCED) for the query's"
          + " updates made by node " + PlanNodeNames.describe(changelog.updatingNode(query)));
    }
    return rows.filter(new UpdateBeforeFilter()).name("DropUpdateBefore");
  }

  private static String kinds(ChangelogMode mode) {
    if (mode.isInsertOnly()) {
      return "inserts";
    }
    return mode.contains(RowKind.UPDATE_AFTER) ? "inserts and updates" : "inserts and deletes";
  }
}
