package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.planner.nodes.Expand;
import io.spate.table.planner.nodes.GroupingSetsExpand;
import io.spate.table.runtime.operators.window.WindowZone;
import java.time.ZoneId;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Which fields of a plan are a window table function's {@code window_start} and {@code window_end}:
 * the function's own, passed on unchanged by projections and filters, the group keys of a window
 * aggregate that groups by them, and both sides' of a window join. As in Flink, an aggregate grouping
 * by a window aggregate's start and end is a window aggregate again (a cascade), and so is a join on
 * them a window join.
 */
@Internal
final class WindowColumns {

  /** What a field is to the window table function it comes from. */
  enum Kind { START, END }

  private WindowColumns() {}

  /** A window start or end field and the window table function it comes from. */
  private record Origin(Kind kind, LogicalTableFunctionScan window) {}

  /** Whether field {@code field} of {@code plan}'s rows is a window's start or end, or null if neither. */
  static Kind of(RelNode plan, int field) {
    Origin origin = origin(plan, field);
    return origin == null ? null : origin.kind();
  }

  /**
   * Whether field {@code field} of {@code plan}'s rows is the start or end of a window on a
   * processing-time attribute (false if it is no window's start or end).
   */
  static boolean onProcessingTime(RelNode plan, int field) {
    Origin origin = origin(plan, field);
    return origin != null
        && TimeAttributes.isProctime(origin.window().getInput(0), WindowCall.of(origin.window()).timeField());
  }

  /**
   * The zone in which the windows whose start or end is field {@code field} of {@code plan} are aligned: the
   * session's {@code zone} for windows over a {@code TIMESTAMP_LTZ} event time, null for windows over a
   * {@code TIMESTAMP} or processing time, or if the field is no window's start or end.
   */
  static WindowZone zone(RelNode plan, int field, ZoneId zone) {
    Origin origin = origin(plan, field);
    return origin == null ? null : WallClockWindows.zone(origin.window(), zone);
  }

  private static Origin origin(RelNode plan, int field) {
    if (plan instanceof LogicalTableFunctionScan scan && WindowCall.isWindowFunction(scan)) {
      int fields = scan.getRowType().getFieldCount();
      Kind kind = field == fields - 3 ? Kind.START : field == fields - 2 ? Kind.END : null;
      return kind == null ? null : new Origin(kind, scan);
    }
    if (plan instanceof LogicalProject project) {
      return originOfRef(project.getInput(), project.getProjects().get(field));
    }
    if (plan instanceof LogicalCalc calc) {
      var program = calc.getProgram();
      return originOfRef(calc.getInput(), program.expandLocalRef(program.getProjectList().get(field)));
    }
    if (plan instanceof LogicalFilter filter) {
      return origin(filter.getInput(), field);
    }
    if (plan instanceof Expand expand) {
      return field < expand.bucketField() ? origin(expand.getInput(), field) : null;
    }
    if (plan instanceof GroupingSetsExpand expand) {
      return field < expand.copyField(0) ? origin(expand.getInput(), field) : null;
    }
    if (plan instanceof LogicalJoin join && WindowJoinTranslator.isWindowJoin(join)) {
      int leftFields = join.getLeft().getRowType().getFieldCount();
      return field < leftFields ? origin(join.getLeft(), field) : origin(join.getRight(), field - leftFields);
    }
    if (plan instanceof LogicalAggregate aggregate && StreamTranslator.windowEndField(aggregate) >= 0
        && field < aggregate.getGroupCount()) {
      return origin(aggregate.getInput(), aggregate.getGroupSet().nth(field));
    }
    return null;
  }

  /**
   * The field among {@code keys} of {@code plan}'s rows that is a window's end, if {@code keys} hold
   * both the window's start and its end; -1 otherwise.
   */
  static int windowEnd(RelNode plan, int[] keys) {
    int end = -1;
    boolean start = false;
    for (int key : keys) {
      Kind kind = of(plan, key);
      if (kind == Kind.END) {
        end = key;
      } else if (kind == Kind.START) {
        start = true;
      }
    }
    return start ? end : -1;
  }

  private static Origin originOfRef(RelNode input, RexNode expression) {
    return expression instanceof RexInputRef ref ? origin(input, ref.getIndex()) : null;
  }
}
