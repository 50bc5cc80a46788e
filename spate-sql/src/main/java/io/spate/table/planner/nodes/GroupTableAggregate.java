package io.spate.table.planner.nodes;

import io.spate.api.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The plan node of {@code flatAggregate}: per group of its input, the rows a table aggregate function
 * emits, each with the group's keys; its row is the keys, then one column holding an emitted row.
 * Unlike an aggregate it gives any number of rows per group, so no rule may treat its keys as unique.
 */
@Internal
public final class GroupTableAggregate extends SingleRel {

  private final ImmutableBitSet groupSet;
  private final AggregateCall call;

  /** The table aggregate {@code call} over {@code input} grouped by its fields {@code groupSet}, giving rows of {@code rowType}. */
  public GroupTableAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
      AggregateCall call, RelDataType rowType) {
    super(cluster, traits, input);
    this.groupSet = groupSet;
    this.call = call;
    this.rowType = rowType;
  }

  /** The input fields the rows are grouped by. */
  public ImmutableBitSet groupSet() {
    return groupSet;
  }

  /** The call of the table aggregate function. */
  public AggregateCall call() {
    return call;
  }

  /** The names of the grouping keys. */
  public List<String> keyNames() {
    List<String> names = new ArrayList<>();
    for (int key : groupSet) {
      names.add(getInput().getRowType().getFieldNames().get(key));
    }
    return names;
  }

  /** The call as plans show it, such as {@code Top2(v)}: the function's class name for a function called inline. */
  public String callSummary() {
    List<String> arguments = new ArrayList<>();
    for (int argument : call.getArgList()) {
      arguments.add(getInput().getRowType().getFieldNames().get(argument));
    }
    String name = call.getAggregation().getName();
    if (name.startsWith("$inline$")) {
      String rest = name.substring("$inline$".length());
      int dollar = rest.lastIndexOf('$');
      String className = dollar > 0 && rest.substring(dollar + 1).chars().allMatch(Character::isDigit)
          ? rest.substring(0, dollar) : rest;
      name = className.substring(className.lastIndexOf('.') + 1);
      name = name.substring(name.lastIndexOf('$') + 1);
    }
    return name + "(" + String.join(", ", arguments) + ")";
  }

  /** The keys and the call, as {@code select=[...]} lists them. */
  public String select() {
    List<String> select = new ArrayList<>(keyNames());
    select.add(callSummary() + " AS " + rowType.getFieldNames().get(rowType.getFieldCount() - 1));
    return String.join(", ", select);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new GroupTableAggregate(getCluster(), traitSet, sole(inputs), groupSet, call, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("groupBy", String.join(", ", keyNames())).item("select", select());
  }
}
