package io.spate.table.planner.translate;

import io.spate.api.configuration.ReadableConfig;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.config.OptimizerConfigOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * The window aggregates of one job's plans, so that the same window aggregate written twice (Nexmark
 * q5 counts bids per auction and window once for its rows and once more for the maximum per window)
 * runs once and its rows go to every reader, as Flink's sub-plan reuse
 * ({@code table.optimizer.reuse-sub-plan-enabled}) does. Only an aggregate over deterministic scans,
 * filters, projections and window table functions is shared: two copies of it compute the same rows.
 */
final class ReusedWindowAggregates {

  private final Map<String, DataStream<Row>> streams = new HashMap<>();

  /** The stream of {@code aggregate}: the one made before for an equal plan, else {@code translation}'s. */
  DataStream<Row> aggregate(LogicalAggregate aggregate, ReadableConfig config, Supplier<DataStream<Row>> translation) {
    if (!config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_REUSE_SUB_PLAN_ENABLED)
        || !deterministicInputs(aggregate.getInput())) {
      return translation.get();
    }
    String digest = RelOptUtil.toString(aggregate, SqlExplainLevel.ALL_ATTRIBUTES);
    DataStream<Row> known = streams.get(digest);
    if (known == null) {
      known = translation.get();
      streams.put(digest, known);
    }
    return known;
  }

  /** Whether {@code node} is a tree of table scans, window table functions, filters and projections that compute deterministically. */
  static boolean deterministicInputs(RelNode node) {
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
    } else if (node instanceof LogicalTableFunctionScan scan) {
      deterministic = WindowCall.isWindowFunction(scan);
    } else {
      return false;
    }
    return deterministic && node.getInputs().size() == 1 && deterministicInputs(node.getInput(0));
  }
}
