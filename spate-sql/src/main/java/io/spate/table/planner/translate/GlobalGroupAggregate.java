package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The global phase of a two-phase {@code GROUP BY}, as {@code EXPLAIN} shows it (Flink's
 * {@code GlobalGroupAggregate}): after the shuffle by key, it merges the accumulators of its input, a
 * {@link LocalGroupAggregate}, into each key's state and emits {@link #aggregate()}'s changelog.
 */
@Internal
public final class GlobalGroupAggregate extends SingleRel {

  private final LogicalAggregate aggregate;

  /** The global phase of {@code aggregate} over {@code local}, its local phase. */
  GlobalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, LocalGroupAggregate local,
      LogicalAggregate aggregate) {
    super(cluster, traits, local);
    this.aggregate = aggregate;
  }

  /** The aggregate split in two phases. */
  public LogicalAggregate aggregate() {
    return aggregate;
  }

  /** The input of the aggregate: what its local phase reads. */
  public RelNode aggregateInput() {
    return getInput().getInput(0);
  }

  @Override
  protected RelDataType deriveRowType() {
    return aggregate.getRowType();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new GlobalGroupAggregate(getCluster(), traitSet, (LocalGroupAggregate) sole(inputs), aggregate);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("groupBy", PlanNodeNames.groupBy(aggregate))
        .item("select", PlanNodeNames.select(aggregate));
  }
}
