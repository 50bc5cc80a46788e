package io.spate.table.planner;

import io.spate.api.annotation.Internal;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * The rewrites joins need before the logical rules run: {@code IN}/{@code EXISTS} subqueries become
 * semi and anti joins (correlated ones decorrelated), and filters over a join (the {@code FROM a, b
 * WHERE ...} form) move into its condition, where the translators look for keys and time bounds.
 */
@Internal
public final class JoinRewrites {

  private static final HepProgram SUBQUERIES = new HepProgramBuilder()
      .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
      .build();

  private static final HepProgram CONDITIONS = new HepProgramBuilder()
      .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
      .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
      .build();

  private JoinRewrites() {}

  /** {@code plan} with its subqueries turned into joins and filters over joins moved into them. */
  public static RelNode apply(RelNode plan) {
    RelNode semiJoins = SubQueriesToSemiJoins.apply(plan);
    RelNode rewritten = hep(SUBQUERIES, semiJoins);
    // A FOR SYSTEM_TIME AS OF is a correlation the temporal join translator reads as it is.
    if (rewritten != semiJoins && !hasSnapshot(rewritten)) {
      rewritten = RelDecorrelator.decorrelateQuery(rewritten,
          RelBuilder.proto(Contexts.empty()).create(rewritten.getCluster(), null));
    }
    return hep(CONDITIONS, rewritten);
  }

  private static RelNode hep(HepProgram program, RelNode plan) {
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(plan);
    return planner.findBestExp();
  }

  private static boolean hasSnapshot(RelNode plan) {
    if (plan instanceof Snapshot) {
      return true;
    }
    for (RelNode input : plan.getInputs()) {
      if (hasSnapshot(input)) {
        return true;
      }
    }
    return false;
  }
}
