package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.ProjectJoinTransposeRule;

/**
 * Calcite's rule that moves the fields a projection over a join uses below the join, so that each input
 * of the join keeps only those fields and the join's condition's, for every join but an interval join:
 * that one keeps its inputs' time attributes as they are, since its output keeps them as time attributes.
 */
@Internal
public final class JoinInputTrimming {

  private JoinInputTrimming() {}

  /** The rule, for the planner's logical rewrites. */
  public static final ProjectJoinTransposeRule RULE = ProjectJoinTransposeRule.Config.DEFAULT
      .withOperandSupplier(project -> project.operand(LogicalProject.class).oneInput(join -> join
          .operand(LogicalJoin.class).predicate(JoinInputTrimming::trims).anyInputs()))
      .as(ProjectJoinTransposeRule.Config.class)
      .toRule();

  private static boolean trims(LogicalJoin join) {
    return !IntervalJoinTranslator.isIntervalJoin((LogicalJoin) withoutVertices(join));
  }

  /** {@code node} with the planner's vertices replaced by the nodes they stand for, all the way down. */
  private static RelNode withoutVertices(RelNode node) {
    return node.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other instanceof HepRelVertex vertex ? vertex.getCurrentRel() : other);
      }
    });
  }
}
