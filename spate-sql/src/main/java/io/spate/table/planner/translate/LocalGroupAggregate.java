package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.logical.LogicalAggregate;

/**
 * The local phase of a two-phase {@code GROUP BY}, as {@code EXPLAIN} shows it (Flink's
 * {@code LocalGroupAggregate}): before the shuffle, it folds each mini-batch's rows per key into
 * accumulators of {@link #aggregate()}'s calls and emits them as inserts.
 */
@Internal
public final class LocalGroupAggregate extends SingleRel {

  private final LogicalAggregate aggregate;

  /** The local phase of {@code aggregate}, over {@code input} (the aggregate's input). */
  LocalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, LogicalAggregate aggregate) {
    super(cluster, traits, input);
    this.aggregate = aggregate;
  }

  /** The aggregate split in two phases. */
  public LogicalAggregate aggregate() {
    return aggregate;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new LocalGroupAggregate(getCluster(), traitSet, sole(inputs), aggregate);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("groupBy", PlanNodeNames.groupBy(aggregate))
        .item("select", PlanNodeNames.select(aggregate));
  }
}
