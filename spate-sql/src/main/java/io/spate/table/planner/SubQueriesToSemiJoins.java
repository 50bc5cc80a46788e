package io.spate.table.planner;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns the conjuncts {@code x IN (SELECT ...)}, {@code EXISTS (SELECT ... WHERE <correlated filter>)}
 * and their negations of a {@code WHERE} into semi and anti joins, as Flink plans them. {@code NOT IN}
 * keeps SQL's NULL rule (a NULL on either side matches, so the row goes). Subqueries of other shapes
 * are left to Calcite's subquery removal.
 */
final class SubQueriesToSemiJoins {

  private SubQueriesToSemiJoins() {}

  /** {@code plan} with the subqueries it can rewrite turned into semi and anti joins. */
  static RelNode apply(RelNode plan) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : plan.getInputs()) {
      RelNode rewritten = apply(input);
      inputs.add(rewritten);
      changed |= rewritten != input;
    }
    RelNode node = changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
    return node instanceof LogicalFilter filter ? rewrite(filter) : node;
  }

  private static RelNode rewrite(LogicalFilter filter) {
    RexBuilder rex = filter.getCluster().getRexBuilder();
    RelNode result = filter.getInput();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      boolean negated = conjunct.getKind() == SqlKind.NOT;
      RexNode inner = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      RexNode condition = inner instanceof RexSubQuery subQuery
          ? joinCondition(subQuery, negated, result, filter.getVariablesSet(), rex) : null;
      if (condition == null) {
        rest.add(conjunct);
        continue;
      }
      RelNode right = ((RexSubQuery) inner).rel;
      if (inner.getKind() == SqlKind.EXISTS) {
        right = uncorrelated(right);
      }
      LogicalJoin join = LogicalJoin.create(result, right, List.of(), condition, Set.of(),
          negated ? JoinRelType.ANTI : JoinRelType.SEMI);
      // An equality of an expression with a column (b.n = a.n + 5) is a key only once the expression is a
      // column of its input; otherwise all rows share one key, and every row scans the other side's rows.
      result = RelOptUtil.pushDownJoinConditions(join,
          RelBuilder.proto(Contexts.empty()).create(join.getCluster(), null));
    }
    if (result == filter.getInput()) {
      return filter;
    }
    return rest.isEmpty() ? result
        : LogicalFilter.create(result, RexUtil.composeConjunction(rex, rest),
            ImmutableSet.copyOf(filter.getVariablesSet()));
  }

  /** The condition joining {@code left}'s rows to the subquery's, or null if this rewrite does not apply. */
  private static RexNode joinCondition(RexSubQuery subQuery, boolean negated, RelNode left, Set<CorrelationId> ids,
      RexBuilder rex) {
    int leftCount = left.getRowType().getFieldCount();
    if (subQuery.getKind() == SqlKind.IN) {
      if (!RelOptUtil.getVariablesUsed(subQuery.rel).isEmpty()) {
        return null;
      }
      List<RexNode> operands = subQuery.getOperands();
      List<RexNode> equalities = new ArrayList<>();
      for (int i = 0; i < operands.size(); i++) {
        RexNode ref = operands.get(i); // an expression over the left row becomes a column of it, see rewrite
        RexNode right = rex.makeInputRef(subQuery.rel.getRowType().getFieldList().get(i).getType(), leftCount + i);
        RexNode equal = rex.makeCall(SqlStdOperatorTable.EQUALS, ref, right);
        if (negated && (ref.getType().isNullable() || right.getType().isNullable())) {
          // A right row blocks x unless some column is certainly unequal: a NULL on either side is no proof.
          equal = rex.makeCall(SqlStdOperatorTable.OR, equal, rex.makeCall(SqlStdOperatorTable.IS_NULL, ref),
              rex.makeCall(SqlStdOperatorTable.IS_NULL, right));
        }
        equalities.add(equal);
      }
      return RexUtil.composeConjunction(rex, equalities);
    }
    if (subQuery.getKind() == SqlKind.EXISTS) {
      RelNode rel = subQuery.rel;
      while (rel instanceof LogicalProject project) {
        rel = project.getInput();
      }
      if (RelOptUtil.getVariablesUsed(rel).isEmpty()) {
        return rex.makeLiteral(true);
      }
      if (!(rel instanceof LogicalFilter filter) || !RelOptUtil.getVariablesUsed(filter.getInput()).isEmpty()) {
        return null;
      }
      boolean[] foreign = {false};
      RexNode condition = filter.getCondition().accept(new RexShuttle() {
        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
          if (access.getReferenceExpr() instanceof RexCorrelVariable variable && ids.contains(variable.id)) {
            int field = access.getField().getIndex();
            return rex.makeInputRef(left.getRowType().getFieldList().get(field).getType(), field);
          }
          foreign[0] = true;
          return access;
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return rex.makeInputRef(ref.getType(), ref.getIndex() + leftCount);
        }
      });
      return foreign[0] ? null : condition;
    }
    return null;
  }

  /** The rows an {@code EXISTS} subquery tests, without the correlated filter that became the join condition. */
  private static RelNode uncorrelated(RelNode rel) {
    while (rel instanceof LogicalProject project) {
      rel = project.getInput();
    }
    return rel instanceof LogicalFilter filter && !RelOptUtil.getVariablesUsed(filter).isEmpty() ? filter.getInput()
        : rel;
  }
}
