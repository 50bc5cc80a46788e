package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalSnapshot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Turns processing-time temporal joins ({@code JOIN t FOR SYSTEM_TIME AS OF left.proc_time ON ...},
 * Calcite's correlate over a snapshot whose time is a {@code PROCTIME()} attribute of the left side)
 * into {@link LookupJoin}s, splitting the condition into the key equalities (a table column equal
 * to an expression over the left row) and the rest. Event-time temporal joins stay correlates.
 */
@Internal
public final class LookupJoins {

  private LookupJoins() {}

  /** {@code plan} with its processing-time temporal joins as lookup joins. */
  public static RelNode rewrite(RelNode plan) {
    return plan.accept(new RelShuttleImpl() {
      @Override
      public RelNode visit(LogicalCorrelate correlate) {
        RelNode visited = super.visit(correlate);
        return visited instanceof LogicalCorrelate c && isLookupJoin(c) ? toLookupJoin(c) : visited;
      }
    });
  }

  /** Whether {@code correlate} joins a snapshot of a table as of a processing-time attribute of its left side. */
  static boolean isLookupJoin(LogicalCorrelate correlate) {
    RelNode right = correlate.getRight();
    while (right instanceof LogicalFilter filter) {
      right = filter.getInput();
    }
    if (!(right instanceof LogicalSnapshot snapshot)) {
      return false;
    }
    RexNode period = snapshot.getPeriod();
    return period instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable variable
        && variable.id.equals(correlate.getCorrelationId())
        && TimeAttributes.isProctime(correlate.getLeft(), access.getField().getIndex());
  }

  private static LookupJoin toLookupJoin(LogicalCorrelate correlate) {
    RelNode left = correlate.getLeft();
    List<RexNode> filters = new ArrayList<>();
    RelNode right = correlate.getRight();
    while (right instanceof LogicalFilter filter) {
      filters.add(filter.getCondition());
      right = filter.getInput();
    }
    RelNode versioned = ((LogicalSnapshot) right).getInput();
    JoinRelType type = correlate.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
      throw new TableException("A lookup join is an inner or a LEFT join, not a " + type + " join");
    }
    if (!(versioned instanceof TableScan scan) || scan.getTable().unwrap(CatalogTable.class) == null) {
      throw new TableException("Spate SQL looks up only a table in a processing-time temporal join (FOR SYSTEM_TIME"
          + " AS OF a PROCTIME() attribute), not a view or a subquery: " + RelOptUtil.toString(versioned).trim());
    }
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    int leftCount = left.getRowType().getFieldCount();
    RexBuilder rex = correlate.getCluster().getRexBuilder();
    RexNode condition = RexUtil.composeConjunction(rex, filters).accept(new CorrelatedJoinConditions.Decorrelate(correlate.getCorrelationId(),
        left, leftCount, rex));
    List<RexNode> leftKeys = new ArrayList<>();
    List<Integer> tableKeys = new ArrayList<>();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      if (!CorrelatedJoinConditions.keyEquality(conjunct, leftCount, leftKeys, tableKeys, rex)) {
        rest.add(conjunct);
      }
    }
    if (tableKeys.isEmpty()) {
      throw new ValidationException("Temporal table join requires an equality condition on fields of table ["
          + table.getIdentifier().asSummaryString() + "]: a lookup join looks rows up by a column equal to a value"
          + " of the left row, as in ON o.customer_id = c.id; the condition is [" + condition + "]");
    }
    RexNode remaining = rest.isEmpty() ? null : RexUtil.composeConjunction(rex, rest);
    RelDataType tableType = scan.getRowType();
    return new LookupJoin(correlate.getCluster(), correlate.getTraitSet(), left, table, tableType, type, leftKeys,
        tableKeys, remaining, correlate.getRowType());
  }
}
