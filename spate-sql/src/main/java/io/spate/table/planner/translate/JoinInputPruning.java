package io.spate.table.planner.translate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Narrows the inputs of an inner join of insert-only inputs to the columns that the projection above
 * it and its own condition read: such a join keeps every row of both sides in its state, so a column
 * nobody reads would cost memory for as long as the state lives, and a copy into each joined row.
 * Nexmark's q4 reads 4 of an auction's 10 columns and 3 of a bid's 7.
 */
final class JoinInputPruning {

  private JoinInputPruning() {}

  /**
   * {@code project} over a join whose inputs are projected to the columns it needs, or null if the
   * join needs all of them or has a shape that reads its inputs whole (see {@link WindowMaxPruning}).
   */
  static LogicalProject prune(LogicalProject project, LogicalJoin join) {
    if (WindowMaxPruning.operatorFor(join) != null) {
      return null; // the pruning recognizes the join's left input as the relation it was written as
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int total = join.getRowType().getFieldCount();
    BitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), join.getCondition()).toBitSet();
    if (used.cardinality() == total) {
      return null;
    }
    List<Integer> leftFields = fields(used, 0, leftCount);
    List<Integer> rightFields = fields(used, leftCount, total);
    int[] newIndex = new int[total];
    for (int i = 0; i < leftFields.size(); i++) {
      newIndex[leftFields.get(i)] = i;
    }
    for (int i = 0; i < rightFields.size(); i++) {
      newIndex[leftCount + rightFields.get(i)] = leftFields.size() + i;
    }
    RexShuttle remap = FieldNarrowing.renumbering(newIndex);
    RelNode left = FieldNarrowing.projection(join.getLeft(), leftFields);
    RelNode right = FieldNarrowing.projection(join.getRight(), rightFields);
    LogicalJoin narrowed = join.copy(join.getTraitSet(), join.getCondition().accept(remap), left, right,
        join.getJoinType(), join.isSemiJoinDone());
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      projects.add(expression.accept(remap));
    }
    return project.copy(project.getTraitSet(), narrowed, projects, project.getRowType());
  }

  /** The fields {@code from} to {@code to} of {@code used}, relative to {@code from}; at least the first. */
  private static List<Integer> fields(BitSet used, int from, int to) {
    List<Integer> fields = new ArrayList<>();
    for (int i = used.nextSetBit(from); i >= 0 && i < to; i = used.nextSetBit(i + 1)) {
      fields.add(i - from);
    }
    if (fields.isEmpty()) {
      fields.add(0);
    }
    return fields;
  }
}
