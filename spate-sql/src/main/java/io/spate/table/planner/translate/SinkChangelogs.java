package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.api.config.TableConfigOptions.UpsertMaterialize;
import io.spate.table.runtime.operators.UpdateBeforeFilter;
import io.spate.table.runtime.operators.sink.SinkUpsertMaterializer;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Fits a query's changes to what its sink takes, as Flink's planner does: a sink that takes only
 * inserts refuses a query that updates, naming the node that makes the updates; a sink that takes
 * upserts (no update-before rows) needs a primary key and gets the query's changes without their
 * update-before rows, materialized by that key when the query updates by other columns.
 */
@Internal
public final class SinkChangelogs {

  private SinkChangelogs() {}

  /**
   * The rows {@code table}'s sink is given of {@code rows}, the output of {@code query}, which emits
   * {@code produced}; {@code accepted} is what the sink takes.
   */
  public static DataStream<Row> fit(DataStream<Row> rows, RelNode query, StreamTranslator translator,
      ChangelogMode accepted, CatalogTable table) {
    ChangelogInference changelog = translator.changelog();
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
    int[] key = primaryKeyFields(table);
    if (needsMaterializer(translator.upsertMaterialize(), query, key)) {
      return StateKeys.keyBy(rows, query.getRowType(), key)
          .process(new SinkUpsertMaterializer(StreamTranslator.rowTypeInfo(query.getRowType()),
              translator.stateRetentionMillis()), StreamTranslator.rowTypeInfo(query.getRowType()))
          .name("SinkMaterializer(pk=[" + String.join(", ", table.getPrimaryKey()) + "])");
    }
    return rows.filter(new UpdateBeforeFilter()).name("DropUpdateBefore");
  }

  /**
   * Whether an upsert sink keyed by {@code key} needs its changes materialized: in AUTO mode when the
   * planner cannot show that the query's rows are unique by the sink's key (then the query updates
   * by other columns, and the changes of one sink key can come from several query keys).
   */
  private static boolean needsMaterializer(UpsertMaterialize mode, RelNode query, int[] key) {
    return switch (mode) {
      case FORCE -> true;
      case NONE -> false;
      case AUTO -> !isUniqueBy(query, key);
    };
  }

  /**
   * Whether the planner can show that no two rows of {@code plan} share the values of {@code fields}.
   * Projections are followed through lossless casts (a CHAR key written as a VARCHAR), which Calcite's
   * own uniqueness metadata does not see through.
   */
  static boolean isUniqueBy(RelNode plan, int[] fields) {
    if (plan instanceof Project project) {
      int[] inputFields = new int[fields.length];
      for (int i = 0; i < fields.length; i++) {
        RexNode expression = project.getProjects().get(fields[i]);
        while (expression instanceof RexCall cast && cast.getKind() == SqlKind.CAST && RexUtil.isLosslessCast(cast)) {
          expression = cast.getOperands().get(0);
        }
        if (!(expression instanceof RexInputRef ref)) {
          return false;
        }
        inputFields[i] = ref.getIndex();
      }
      return isUniqueBy(project.getInput(), inputFields);
    }
    return Boolean.TRUE.equals(plan.getCluster().getMetadataQuery().areColumnsUnique(plan, ImmutableBitSet.of(fields)));
  }

  /** The positions of {@code table}'s primary key columns among its persisted columns, which the query fills in order. */
  private static int[] primaryKeyFields(CatalogTable table) {
    List<String> names = table.getPersistedRowType().getFieldNames();
    return table.getPrimaryKey().stream().mapToInt(names::indexOf).toArray();
  }

  private static String kinds(ChangelogMode mode) {
    if (mode.isInsertOnly()) {
      return "inserts";
    }
    return mode.contains(RowKind.UPDATE_AFTER) ? "inserts and updates" : "inserts and deletes";
  }
}
