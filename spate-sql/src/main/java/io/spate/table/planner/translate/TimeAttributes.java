package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.planner.functions.WindowTableFunctions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Which fields of a plan are event-time attributes, as Flink tracks them: a table's column that its
 * {@code WATERMARK FOR} names, passed on unchanged by projections, filters and OVER windows, and the
 * {@code window_time} of a window table function. An expression over one (a {@code CAST}, say) is a
 * plain timestamp, and so is the original time column after a window table function, as in Flink.
 */
@Internal
final class TimeAttributes {

  private TimeAttributes() {}

  /** Whether field {@code field} of {@code plan}'s rows is an event-time attribute. */
  static boolean isRowtime(RelNode plan, int field) {
    if (plan instanceof TableScan scan) {
      CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
      return table != null && table.getWatermarkSpec() != null
          && scan.getRowType().getFieldNames().get(field).equals(table.getWatermarkSpec().rowtimeAttribute());
    }
    if (plan instanceof LogicalProject project) {
      return isRowtimeRef(project.getInput(), project.getProjects().get(field));
    }
    if (plan instanceof LogicalCalc calc) {
      var program = calc.getProgram();
      return isRowtimeRef(calc.getInput(), program.expandLocalRef(program.getProjectList().get(field)));
    }
    if (plan instanceof LogicalFilter filter) {
      return isRowtime(filter.getInput(), field);
    }
    if (plan instanceof Window window) {
      return field < window.getInput().getRowType().getFieldCount() && isRowtime(window.getInput(), field);
    }
    if (plan instanceof LogicalTableFunctionScan scan && scan.getCall() instanceof RexCall call
        && (call.getOperator() == WindowTableFunctions.TUMBLE || call.getOperator() == WindowTableFunctions.HOP)) {
      return field == scan.getRowType().getFieldCount() - 1;
    }
    if (plan instanceof LogicalUnion union) {
      return union.getInputs().stream().allMatch(input -> isRowtime(input, field));
    }
    return false;
  }

  private static boolean isRowtimeRef(RelNode input, RexNode expression) {
    return expression instanceof RexInputRef ref && isRowtime(input, ref.getIndex());
  }
}
