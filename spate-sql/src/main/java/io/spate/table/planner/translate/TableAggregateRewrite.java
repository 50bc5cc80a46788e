package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.planner.functions.UserTableAggSqlFunction;
import io.spate.table.planner.nodes.GroupTableAggregate;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;

/**
 * Replaces every aggregate that calls a table aggregate function (what {@code flatAggregate} writes)
 * with a {@link GroupTableAggregate}, before any rule sees it: such an aggregate emits many rows per
 * group, which no rule about aggregates expects.
 */
@Internal
public final class TableAggregateRewrite extends RelShuttleImpl {

  private TableAggregateRewrite() {}

  /** {@code plan} with its table aggregates as {@link GroupTableAggregate} nodes. */
  public static RelNode rewrite(RelNode plan) {
    return plan.accept(new TableAggregateRewrite());
  }

  @Override
  public RelNode visit(LogicalAggregate aggregate) {
    RelNode visited = super.visit(aggregate);
    if (!(visited instanceof LogicalAggregate rewritten) || !callsTableAggregate(rewritten)) {
      return visited;
    }
    if (rewritten.getGroupType() != Aggregate.Group.SIMPLE) {
      throw new TableException("Spate does not support a table aggregate function with GROUPING SETS, ROLLUP or CUBE");
    }
    if (rewritten.getAggCallList().size() != 1) {
      throw new ValidationException("A table aggregate function must be the only aggregate of its group, as"
          + " flatAggregate calls it; this aggregate has " + rewritten.getAggCallList());
    }
    AggregateCall call = rewritten.getAggCallList().get(0);
    if (call.isDistinct() || call.filterArg >= 0) {
      throw new ValidationException("A table aggregate function takes neither DISTINCT nor FILTER: " + call);
    }
    return new GroupTableAggregate(rewritten.getCluster(), rewritten.getTraitSet(), rewritten.getInput(),
        rewritten.getGroupSet(), call, rewritten.getRowType());
  }

  private static boolean callsTableAggregate(LogicalAggregate aggregate) {
    return aggregate.getAggCallList().stream()
        .anyMatch(call -> call.getAggregation() instanceof UserTableAggSqlFunction);
  }
}
