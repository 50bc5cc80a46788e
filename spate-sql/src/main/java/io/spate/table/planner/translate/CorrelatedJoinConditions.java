package io.spate.table.planner.translate;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The conditions of joins written as correlations ({@code FOR SYSTEM_TIME AS OF}): temporal joins and
 * lookup joins share how the condition becomes one over the joined row and how its key equalities are
 * found.
 */
final class CorrelatedJoinConditions {

  private CorrelatedJoinConditions() {}

  /**
   * Whether {@code conjunct} equates an expression over the left row (or a constant) with a field of
   * the right side not yet among the keys; if so, adds both to the keys, the left expression cast to the
   * field's type so that both sides' keys are equal values.
   */
  static boolean keyEquality(RexNode conjunct, int leftCount, List<RexNode> leftKeys, List<Integer> tableKeys,
      RexBuilder rex) {
    if (conjunct.getKind() != SqlKind.EQUALS) {
      return false;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    for (int side = 0; side < 2; side++) {
      RexNode leftExpr = operands.get(side);
      RexNode rightExpr = operands.get(1 - side);
      if (rightExpr instanceof RexInputRef ref && ref.getIndex() >= leftCount
          && !tableKeys.contains(ref.getIndex() - leftCount)
          && RelOptUtil.InputFinder.bits(leftExpr).asList().stream().allMatch(i -> i < leftCount)) {
        RelDataType keyType = ref.getType();
        if (!SqlTypeUtil.equalSansNullability(rex.getTypeFactory(), leftExpr.getType(), keyType)) {
          leftExpr = rex.makeCast(rex.getTypeFactory().createTypeWithNullability(keyType, true), leftExpr);
        }
        leftKeys.add(leftExpr);
        tableKeys.add(ref.getIndex() - leftCount);
        return true;
      }
    }
    return false;
  }

  /** Rewrites a condition over the correlation variable and the right side into one over the joined row. */
  static final class Decorrelate extends RexShuttle {
    private final CorrelationId id;
    private final RelNode left;
    private final int leftCount;
    private final RexBuilder rex;

    Decorrelate(CorrelationId id, RelNode left, int leftCount, RexBuilder rex) {
      this.id = id;
      this.left = left;
      this.leftCount = leftCount;
      this.rex = rex;
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable variable && variable.id.equals(id)) {
        int field = access.getField().getIndex();
        return rex.makeInputRef(left.getRowType().getFieldList().get(field).getType(), field);
      }
      return super.visitFieldAccess(access);
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      return rex.makeInputRef(ref.getType(), ref.getIndex() + leftCount);
    }
  }}
