package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.operators.RowtimeRecordTimestamps;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.WatermarkSpec;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexProgram;

/**
 * The stream record timestamps of a query's result that becomes a DataStream: its one event-time
 * attribute, as in Flink; a result with several (the input's rowtime and a window table function's
 * {@code window_time}, say) must keep one, the others cast to a plain TIMESTAMP, to become a DataStream or to be
 * written into a sink.
 */
@Internal
public final class RecordTimestamps {

  private RecordTimestamps() {}

  /**
   * The field of {@code plan}'s rows that is its event-time attribute, or -1 if it has none; a result with several
   * cannot become a DataStream.
   */
  public static int rowtimeField(RelNode plan) {
    return rowtimeField(plan, "a DataStream");
  }

  /**
   * Rejects {@code plan}, the query of an {@code INSERT} into the table {@code sink}, if it has more than one
   * event-time attribute, as Flink does: a sink's records, like a DataStream's, carry one timestamp. A query's
   * result that is collected ({@code SELECT}) may have several.
   */
  public static void requireOneRowtime(RelNode plan, String sink) {
    rowtimeField(plan, "the table " + sink);
  }

  private static int rowtimeField(RelNode plan, String target) {
    Set<Integer> fields = new TreeSet<>(TimeAttributes.of(plan));
    if (fields.size() > 1) {
      List<String> names = plan.getRowType().getFieldNames();
      throw new ValidationException("The query's result has more than one rowtime attribute, "
          + fields.stream().map(names::get).toList() + ", to write into " + target + ", whose records have one"
          + " timestamp: keep the column that should give it and CAST the others to TIMESTAMP(3) (or TIMESTAMP_LTZ(3))");
    }
    return fields.isEmpty() ? -1 : fields.iterator().next();
  }

  /**
   * Whether the records of {@code plan}'s rows have field {@code field} as their timestamps already: it
   * is a table's rowtime column, from whose values the table's watermark step took the records'
   * timestamps, passed on unchanged by steps that keep the timestamps (projections, filters, table
   * functions).
   */
  static boolean carriedAsTimestamp(RelNode plan, int field) {
    if (plan instanceof TableScan scan) {
      CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
      WatermarkSpec watermark = table == null ? null : table.getWatermarkSpec();
      return watermark != null && !DataStreamTableSource.isSourceWatermark(watermark)
          && scan.getRowType().getFieldNames().get(field).equals(watermark.rowtimeAttribute());
    }
    if (plan instanceof LogicalProject project) {
      return project.getProjects().get(field) instanceof RexInputRef ref && carriedAsTimestamp(project.getInput(),
          ref.getIndex());
    }
    if (plan instanceof LogicalCalc calc) {
      RexProgram program = calc.getProgram();
      return program.expandLocalRef(program.getProjectList().get(field)) instanceof RexInputRef ref
          && carriedAsTimestamp(calc.getInput(), ref.getIndex());
    }
    if (plan instanceof LogicalFilter filter) {
      return carriedAsTimestamp(filter.getInput(), field);
    }
    if (plan instanceof LogicalCorrelate correlate && CorrelateTranslator.isTableFunction(correlate)) {
      return field < correlate.getLeft().getRowType().getFieldCount() && carriedAsTimestamp(correlate.getLeft(), field);
    }
    return false;
  }

  /** {@code rows}, the rows of {@code plan}, with their rowtime as their records' timestamps. */
  public static DataStream<Row> apply(DataStream<Row> rows, RelNode plan) {
    int field = rowtimeField(plan);
    if (field < 0 || carriedAsTimestamp(plan, field)) {
      return rows;
    }
    return rows.transform("Record timestamps from " + plan.getRowType().getFieldNames().get(field), rows.getType(),
        new RowtimeRecordTimestamps(field));
  }
}
