package io.spate.table.planner.nodes;

import io.spate.api.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * The plan node that turns the upserts of a source (a key's new row, or a delete of the key) into a
 * full changelog with update-before rows, keyed on the table's primary key, as operators downstream
 * need: Flink's {@code ChangelogNormalize}.
 */
@Internal
public final class ChangelogNormalize extends SingleRel {

  private final int[] keys;

  /** A normalization of {@code input}'s upserts by its fields {@code keys}. */
  public ChangelogNormalize(RelOptCluster cluster, RelTraitSet traits, RelNode input, int[] keys) {
    super(cluster, traits, input);
    this.keys = keys.clone();
  }

  /** The fields of the key, in the input's row. */
  public int[] keys() {
    return keys.clone();
  }

  /** The names of the key's fields. */
  public List<String> keyNames() {
    List<String> names = new ArrayList<>();
    for (int key : keys) {
      names.add(getInput().getRowType().getFieldNames().get(key));
    }
    return names;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ChangelogNormalize(getCluster(), traitSet, sole(inputs), keys);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("key", String.join(", ", keyNames()));
  }
}
