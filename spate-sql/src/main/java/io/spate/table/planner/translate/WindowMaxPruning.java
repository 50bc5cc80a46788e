package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.join.WindowMaxPruningOperator;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Finds the join of Nexmark q7's shape, a relation joined with the {@code MAX} of one of its columns
 * over its own {@code TUMBLE}, {@code HOP} or {@code CUMULATE} windows, on the column equal to the
 * maximum and the row's time in {@code [window_start, window_end)}, and puts a
 * {@link WindowMaxPruningOperator} on the relation's side, which drops the rows that are below the
 * highest value of their slice seen so far: they join nothing, and would otherwise sit in the join's
 * state for ever. The relation on both sides must be the same deterministic scan, filter and projection
 * (on the window's side, of the columns the window query reads).
 */
final class WindowMaxPruning {

  private WindowMaxPruning() {}

  /** {@code left}, the translated left input of the insert-only inner {@code join}, pruned where the join has that shape. */
  static DataStream<Row> prune(LogicalJoin join, DataStream<Row> left) {
    WindowMaxPruningOperator operator = operatorFor(join);
    if (operator == null) {
      return left;
    }
    SingleOutputStreamOperator<Row> pruned = left.transform("WindowMaxPruning", left.getType(), operator);
    if (left.getParallelism() > 0) {
      pruned.setParallelism(left.getParallelism()); // chained to the left input
    }
    return pruned;
  }

  /** The pruning operator for {@code join}'s left side, or null if the join does not have the shape. */
  static WindowMaxPruningOperator operatorFor(LogicalJoin join) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    RelNode right = join.getRight();
    int[] rightToAgg = identity(right.getRowType().getFieldCount());
    if (right instanceof LogicalProject project) {
      rightToAgg = refs(project.getProjects());
      right = project.getInput();
    }
    if (rightToAgg == null || !(right instanceof LogicalAggregate aggregate) || !WindowTranslator.handles(aggregate)
        || aggregate.getGroupCount() != 2) {
      return null;
    }
    RelNode aggInput = aggregate.getInput();
    int[] aggInputToScan = identity(aggInput.getRowType().getFieldCount());
    if (aggInput instanceof LogicalProject project) {
      aggInputToScan = refs(project.getProjects());
      aggInput = project.getInput();
    }
    if (aggInputToScan == null || !(aggInput instanceof LogicalTableFunctionScan scan)) {
      return null;
    }
    WindowCall window = WindowCall.of(scan);
    RelNode relation = scan.getInput(0);
    int windowStart = relation.getRowType().getFieldCount();
    // Only over TIMESTAMP windows: those over a TIMESTAMP_LTZ are aligned in the session's zone.
    // The window's relation is the left side, or the columns of it that the window query reads.
    int[] relationToLeft = window.slices() == null || !window.localTime() ? null
        : fieldsWithin(join.getLeft(), relation);
    if (relationToLeft == null) {
      return null;
    }
    // the join's fields (left fields first) that are window_start and window_end
    int startField = -1;
    int endField = -1;
    int[] groups = aggregate.getGroupSet().toArray();
    for (int i = 0; i < rightToAgg.length; i++) {
      if (rightToAgg[i] < groups.length) {
        int scanField = aggInputToScan[groups[rightToAgg[i]]];
        startField = scanField == windowStart ? leftCount + i : startField;
        endField = scanField == windowStart + 1 ? leftCount + i : endField;
      }
    }
    if (startField < 0 || endField < 0 || !bothGroupsAreWindowBounds(groups, aggInputToScan, windowStart)) {
      return null;
    }
    JoinInfo info = join.analyzeCondition();
    int timeField = relationToLeft[window.timeField()];
    if (!hasTimeBounds(RelOptUtil.conjunctions(info.getRemaining(join.getCluster().getRexBuilder())), timeField,
        startField, endField)) {
      return null;
    }
    for (int i = 0; i < info.leftKeys.size(); i++) {
      int aggField = rightToAgg[info.rightKeys.get(i)];
      if (aggField < groups.length) {
        continue;
      }
      AggregateCall call = aggregate.getAggCallList().get(aggField - groups.length);
      int maxOf = call.getArgList().size() == 1 ? aggInputToScan[call.getArgList().get(0)] : windowStart;
      if (call.getAggregation().getKind() == SqlKind.MAX && !call.isDistinct() && call.filterArg < 0
          && maxOf < windowStart && relationToLeft[maxOf] == info.leftKeys.get(i)) {
        return new WindowMaxPruningOperator(info.leftKeys.get(i), timeField, window.slices());
      }
    }
    return null;
  }

  private static boolean bothGroupsAreWindowBounds(int[] groups, int[] aggInputToScan, int windowStart) {
    int start = aggInputToScan[groups[0]];
    int end = aggInputToScan[groups[1]];
    return (start == windowStart && end == windowStart + 1) || (start == windowStart + 1 && end == windowStart);
  }

  /** Whether {@code conjuncts} hold {@code time >= window_start} and {@code time < window_end}. */
  private static boolean hasTimeBounds(List<RexNode> conjuncts, int time, int start, int end) {
    boolean lower = false;
    boolean upper = false;
    for (RexNode conjunct : conjuncts) {
      if (conjunct instanceof RexCall call && call.getOperands().size() == 2
          && call.getOperands().get(0) instanceof RexInputRef a && call.getOperands().get(1) instanceof RexInputRef b) {
        int x = a.getIndex();
        int y = b.getIndex();
        SqlKind kind = call.getKind();
        lower |= (kind == SqlKind.GREATER_THAN_OR_EQUAL && x == time && y == start)
            || (kind == SqlKind.LESS_THAN_OR_EQUAL && x == start && y == time);
        upper |= (kind == SqlKind.LESS_THAN && x == time && y == end)
            || (kind == SqlKind.GREATER_THAN && x == end && y == time);
      }
    }
    return lower && upper;
  }

  /**
   * For each field of {@code relation}, the field of {@code left} that holds the same value, where both are
   * deterministic plans of table scans, filters and projections and {@code relation} is {@code left} or a
   * narrowing of it ({@link WindowInputPruning}): a projection of some of {@code left}'s fields, or of some of
   * the expressions of {@code left}'s projection over the same input. Null otherwise.
   */
  private static int[] fieldsWithin(RelNode left, RelNode relation) {
    if (!simpleAndDeterministic(left) || !simpleAndDeterministic(relation)) {
      return null;
    }
    if (RelOptUtil.toString(left).equals(RelOptUtil.toString(relation))) {
      return identity(relation.getRowType().getFieldCount());
    }
    if (!(relation instanceof LogicalProject narrowing)) {
      return null;
    }
    String below = RelOptUtil.toString(narrowing.getInput());
    List<? extends RexNode> leftExpressions;
    if (below.equals(RelOptUtil.toString(left))) {
      leftExpressions = left.getCluster().getRexBuilder().identityProjects(left.getRowType());
    } else if (left instanceof LogicalProject wide && below.equals(RelOptUtil.toString(wide.getInput()))) {
      leftExpressions = wide.getProjects();
    } else {
      return null;
    }
    List<String> leftValues = leftExpressions.stream().map(RexNode::toString).toList();
    int[] fields = new int[narrowing.getProjects().size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = leftValues.indexOf(narrowing.getProjects().get(i).toString());
      if (fields[i] < 0) {
        return null;
      }
    }
    return fields;
  }

  private static boolean simpleAndDeterministic(RelNode node) {
    if (node instanceof TableScan) {
      return true;
    }
    boolean deterministic;
    if (node instanceof LogicalProject project) {
      deterministic = project.getProjects().stream().allMatch(RexUtil::isDeterministic);
    } else if (node instanceof LogicalFilter filter) {
      deterministic = RexUtil.isDeterministic(filter.getCondition());
    } else if (node instanceof LogicalCalc calc) {
      deterministic = calc.getProgram().getExprList().stream().allMatch(RexUtil::isDeterministic);
    } else {
      return false;
    }
    return deterministic && node.getInputs().size() == 1 && simpleAndDeterministic(node.getInput(0));
  }

  private static int[] identity(int count) {
    int[] fields = new int[count];
    for (int i = 0; i < count; i++) {
      fields[i] = i;
    }
    return fields;
  }

  /** The input field of each projection, or null if one is not a plain field. */
  private static int[] refs(List<RexNode> projects) {
    int[] fields = new int[projects.size()];
    for (int i = 0; i < fields.length; i++) {
      if (!(projects.get(i) instanceof RexInputRef ref)) {
        return null;
      }
      fields[i] = ref.getIndex();
    }
    return fields;
  }
}
