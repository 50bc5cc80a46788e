package io.spate.table.planner.translate;

import io.spate.table.planner.nodes.Expand;
import io.spate.table.planner.nodes.GroupingSetsExpand;
import io.spate.api.annotation.Internal;
import io.spate.table.planner.nodes.ChangelogNormalize;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * Names of plan nodes as Flink users read them in plans and messages, such as
 * {@code GroupAggregate(groupBy=[user], select=[user, COUNT(*) AS cnt])}.
 */
@Internal
public final class PlanNodeNames {

  private PlanNodeNames() {}

  /** The name of {@code node} with its main attributes. */
  public static String describe(RelNode node) {
    if (RankTranslator.matches(node)) {
      return "Rank(select=[" + String.join(", ", node.getRowType().getFieldNames()) + "])";
    }
    if (node instanceof LookupJoin lookupJoin) {
      return lookupJoin.summary();
    }
    if (node instanceof Aggregate aggregate) {
      return aggregate(aggregate);
    }
    if (node instanceof LocalGroupAggregate local) {
      return "Local" + aggregate(local.aggregate());
    }
    if (node instanceof GlobalGroupAggregate global) {
      return "Global" + aggregate(global.aggregate());
    }
    if (node instanceof io.spate.table.planner.nodes.GroupTableAggregate tableAggregate) {
      return "GroupTableAggregate(groupBy=[" + String.join(", ", tableAggregate.keyNames()) + "], select=["
          + tableAggregate.select() + "])";
    }
    if (node instanceof Expand expand) {
      return "Expand(buckets=[" + String.join(", ", expand.bucketExpressions()) + "])";
    }
    if (node instanceof GroupingSetsExpand expand) {
      return "Expand(groupingSets=[" + expand.setsExpression() + "], groupingId=[$g])";
    }
    if (node instanceof ChangelogNormalize normalize) {
      return "ChangelogNormalize(key=[" + String.join(", ", normalize.keyNames()) + "])";
    }
    if (node instanceof org.apache.calcite.rel.core.Sort sort) {
      return SortTranslator.describe(sort);
    }
    if (node instanceof org.apache.calcite.rel.logical.LogicalCorrelate correlate && UnnestTranslator.isUnnest(correlate)) {
      return "Correlate(invocation=[UNNEST], joinType=[" + joinType(correlate.getJoinType()) + "])";
    }
    if (node instanceof Join join) {
      return "Join(joinType=[" + joinType(join.getJoinType()) + "], where=[" + join.getCondition() + "])";
    }
    String type = node.getRelTypeName();
    return type.startsWith("Logical") ? type.substring("Logical".length()) : type;
  }

  /** The grouping keys of {@code aggregate}, as {@code groupBy=[...]} lists them. */
  static String groupBy(Aggregate aggregate) {
    return String.join(", ", keys(aggregate));
  }

  /** The keys and calls of {@code aggregate}, as {@code select=[...]} lists them. */
  static String select(Aggregate aggregate) {
    List<String> inputNames = aggregate.getInput().getRowType().getFieldNames();
    List<String> outputNames = aggregate.getRowType().getFieldNames();
    List<String> keys = keys(aggregate);
    List<String> select = new ArrayList<>(keys);
    List<AggregateCall> calls = aggregate.getAggCallList();
    for (int i = 0; i < calls.size(); i++) {
      select.add(call(calls.get(i), inputNames) + " AS " + outputNames.get(keys.size() + i));
    }
    return String.join(", ", select);
  }

  private static List<String> keys(Aggregate aggregate) {
    List<String> inputNames = aggregate.getInput().getRowType().getFieldNames();
    List<String> keys = new ArrayList<>();
    for (int key : aggregate.getGroupSet()) {
      keys.add(inputNames.get(key));
    }
    return keys;
  }

  private static String aggregate(Aggregate aggregate) {
    String level = SplitDistinctAggregation.levelOf(aggregate);
    return "GroupAggregate(groupBy=[" + groupBy(aggregate) + "]" + (level == null ? "" : ", partialFinalType=[" + level
        + "]") + ", select=[" + select(aggregate) + "])";
  }

  private static String call(AggregateCall call, List<String> inputNames) {
    List<String> args = new ArrayList<>();
    for (int arg : call.getArgList()) {
      args.add(inputNames.get(arg));
    }
    String arguments = args.isEmpty() ? "*" : (call.isDistinct() ? "DISTINCT " : "") + String.join(", ", args);
    String filter = call.filterArg >= 0 ? " FILTER " + inputNames.get(call.filterArg) : "";
    return call.getAggregation().getName() + "(" + arguments + ")" + filter;
  }

  private static String joinType(JoinRelType type) {
    switch (type) {
      case LEFT:
        return "LeftOuterJoin";
      case RIGHT:
        return "RightOuterJoin";
      case FULL:
        return "FullOuterJoin";
      case SEMI:
        return "LeftSemiJoin";
      case ANTI:
        return "LeftAntiJoin";
      default:
        return "InnerJoin";
    }
  }
}
