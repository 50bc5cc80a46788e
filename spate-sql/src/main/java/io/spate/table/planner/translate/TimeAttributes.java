package io.spate.table.planner.translate;

import io.spate.table.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Which fields of a plan node are event-time attributes (rowtime): a table's {@code WATERMARK FOR}
 * column, kept as long as projections pass it on unchanged, a window table function's
 * {@code window_time}, and the time attributes of both sides of an interval join and of the left side
 * of a temporal join. An interval or temporal join needs them; a plain timestamp column is not one.
 */
final class TimeAttributes {

  private TimeAttributes() {}

  /** The indexes of {@code plan}'s fields that are event-time attributes. */
  static Set<Integer> of(RelNode plan) {
    Set<Integer> fields = new HashSet<>();
    if (plan instanceof TableScan scan) {
      CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
      if (table != null && table.getWatermarkSpec() != null) {
        int index = scan.getRowType().getFieldNames().indexOf(table.getWatermarkSpec().rowtimeAttribute());
        if (index >= 0) {
          fields.add(index);
        }
      }
    } else if (plan instanceof LogicalFilter filter) {
      fields.addAll(of(filter.getInput()));
    } else if (plan instanceof LogicalProject project) {
      passedOn(project.getProjects(), of(project.getInput()), fields);
    } else if (plan instanceof LogicalCalc calc) {
      RexProgram program = calc.getProgram();
      List<RexNode> projects = new ArrayList<>();
      for (RexLocalRef ref : program.getProjectList()) {
        projects.add(program.expandLocalRef(ref));
      }
      passedOn(projects, of(calc.getInput()), fields);
    } else if (plan instanceof LogicalTableFunctionScan scan && scan.getInputs().size() == 1) {
      // window_time is the time attribute after a window table function; the input's is a plain timestamp.
      fields.add(scan.getRowType().getFieldCount() - 1);
    } else if (plan instanceof LogicalJoin join && IntervalJoinTranslator.isIntervalJoin(join)) {
      int leftCount = join.getLeft().getRowType().getFieldCount();
      fields.addAll(of(join.getLeft()));
      for (int field : of(join.getRight())) {
        fields.add(leftCount + field);
      }
    } else if (plan instanceof LogicalCorrelate correlate) {
      fields.addAll(of(correlate.getLeft()));
    } else if (plan instanceof LogicalUnion union) {
      fields.addAll(of(union.getInput(0)));
      for (RelNode input : union.getInputs()) {
        fields.retainAll(of(input));
      }
    }
    return fields;
  }

  private static void passedOn(List<RexNode> projects, Set<Integer> inputFields, Set<Integer> fields) {
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref && inputFields.contains(ref.getIndex())) {
        fields.add(i);
      }
    }
  }
}
