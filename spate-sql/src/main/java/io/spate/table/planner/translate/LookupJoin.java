package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * A lookup join: each row of the input (the left side) looks up the rows of a table by key when it
 * arrives, as {@code JOIN t FOR SYSTEM_TIME AS OF left.proc_time ON ...} asks, and is joined with
 * those that satisfy the rest of the condition. Its only input is the left side; the table is read
 * by its connector's lookup function, never scanned. {@code EXPLAIN} shows it as
 * {@code LookupJoin(table=[...], joinType=[...], lookup=[id=customer_id], where=[...])}.
 */
@Internal
public final class LookupJoin extends SingleRel {

  private final CatalogTable table;
  private final RelDataType tableType;
  private final JoinRelType joinType;
  private final List<RexNode> leftKeys;
  private final List<Integer> tableKeys;
  private final RexNode remaining;

  /**
   * A lookup join of {@code left} with {@code table} (whose rows are of {@code tableType}): the
   * values of {@code leftKeys} (expressions over the left row) look up the table's columns
   * {@code tableKeys}; {@code remaining} (over the left row and the table's row side by side; null
   * if none) filters the rows found.
   */
  LookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, CatalogTable table, RelDataType tableType,
      JoinRelType joinType, List<RexNode> leftKeys, List<Integer> tableKeys, RexNode remaining,
      RelDataType rowType) {
    super(cluster, traits, left);
    this.table = table;
    this.tableType = tableType;
    this.joinType = joinType;
    this.leftKeys = List.copyOf(leftKeys);
    this.tableKeys = List.copyOf(tableKeys);
    this.remaining = remaining;
    this.rowType = rowType;
  }

  /** The table looked up. */
  public CatalogTable table() {
    return table;
  }

  /** The type of the table's rows. */
  RelDataType tableType() {
    return tableType;
  }

  /** INNER or LEFT. */
  public JoinRelType joinType() {
    return joinType;
  }

  /** The key values, as expressions over the left row. */
  List<RexNode> leftKeys() {
    return leftKeys;
  }

  /** The table's key columns, in the order of {@link #leftKeys()}. */
  List<Integer> tableKeys() {
    return tableKeys;
  }

  /** The condition on the joined row beyond the key equalities; null if none. */
  RexNode remaining() {
    return remaining;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new LookupJoin(getCluster(), traitSet, inputs.get(0), table, tableType, joinType, leftKeys, tableKeys,
        remaining, rowType);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getIdentifier().asSummaryString())
        .item("joinType", joinTypeName())
        .item("lookup", lookupKeys())
        .itemIf("where", remaining, remaining != null)
        .item("select", String.join(", ", getRowType().getFieldNames()));
  }

  /** The node as plans and messages name it, such as {@code LookupJoin(table=[...], joinType=[InnerJoin], lookup=[id=customer_id])}. */
  String summary() {
    return "LookupJoin(table=[" + table.getIdentifier().asSummaryString() + "], joinType=[" + joinTypeName()
        + "], lookup=[" + lookupKeys() + "]" + (remaining != null ? ", where=[" + remaining + "]" : "") + ")";
  }

  private String joinTypeName() {
    return joinType == JoinRelType.LEFT ? "LeftOuterJoin" : "InnerJoin";
  }

  /** {@code id=customer_id, ...}: each table key column and the left field or expression it equals. */
  private String lookupKeys() {
    List<String> leftNames = getInput().getRowType().getFieldNames();
    List<String> lookup = new ArrayList<>();
    for (int i = 0; i < tableKeys.size(); i++) {
      RexNode key = leftKeys.get(i);
      String left = key instanceof org.apache.calcite.rex.RexInputRef ref ? leftNames.get(ref.getIndex())
          : key.toString();
      lookup.add(tableType.getFieldNames().get(tableKeys.get(i)) + "=" + left);
    }
    return String.join(", ", lookup);
  }
}
