package io.spate.table.planner.nodes;

import io.spate.api.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The plan node below the partial aggregate of a split distinct aggregation: each input row once per
 * set of distinct arguments (its branch), with the input's fields, a bucket of that set's values
 * ({@code MOD(HASH_CODE(args), bucketNum)}) and the branch's number. Rows keep their change kind.
 */
@Internal
public final class Expand extends SingleRel {

  private final List<int[]> branches;
  private final int bucketNum;

  /** An expansion of {@code input}'s rows into one row per argument set of {@code branches}. */
  public Expand(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<int[]> branches, int bucketNum) {
    super(cluster, traits, input);
    this.branches = new ArrayList<>();
    for (int[] branch : branches) {
      this.branches.add(branch.clone());
    }
    this.bucketNum = bucketNum;
    RelDataTypeFactory types = cluster.getTypeFactory();
    RelDataTypeFactory.Builder row = types.builder().addAll(input.getRowType().getFieldList());
    RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    row.add("$bucket", integer);
    row.add("$e", integer);
    this.rowType = row.uniquify().build();
  }

  /** The input fields whose values each branch buckets by, branch by branch. */
  public List<int[]> branches() {
    List<int[]> copy = new ArrayList<>();
    for (int[] branch : branches) {
      copy.add(branch.clone());
    }
    return copy;
  }

  /** How many buckets a branch spreads its values over. */
  public int bucketNum() {
    return bucketNum;
  }

  /** The field of the output row that holds the bucket. */
  public int bucketField() {
    return getInput().getRowType().getFieldCount();
  }

  /** The field of the output row that holds the branch's number. */
  public int branchField() {
    return bucketField() + 1;
  }

  /** The bucket of each branch as {@code EXPLAIN} shows it. */
  public List<String> bucketExpressions() {
    List<String> names = getInput().getRowType().getFieldNames();
    List<String> expressions = new ArrayList<>();
    for (int[] branch : branches) {
      List<String> args = new ArrayList<>();
      for (int field : branch) {
        args.add(names.get(field));
      }
      expressions.add("MOD(HASH_CODE(" + String.join(", ", args) + "), " + bucketNum + ")");
    }
    return expressions;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new Expand(getCluster(), traitSet, sole(inputs), branches, bucketNum);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("buckets", String.join(", ", bucketExpressions()));
  }
}
