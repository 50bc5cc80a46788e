package io.spate.table.planner.nodes;

import io.spate.api.annotation.Internal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The plan node below the aggregate of {@code GROUPING SETS}, {@code ROLLUP} or {@code CUBE}: each input
 * row once per grouping set, with the input's fields as they are, then a copy of each group column that
 * some set leaves out (NULL in the rows of the sets without it), then the set's grouping id ({@code $g},
 * the {@code GROUPING_ID} of all group columns). Rows keep their change kind.
 */
@Internal
public final class GroupingSetsExpand extends SingleRel {

  private final int[] copied;
  private final List<ImmutableBitSet> sets;
  private final long[] ids;

  /**
   * An expansion of {@code input}'s rows into one row per set of {@code sets} (input fields), with a
   * copy of the fields {@code copied} and the id of each set in {@code ids}.
   */
  public GroupingSetsExpand(RelOptCluster cluster, RelTraitSet traits, RelNode input, int[] copied,
      List<ImmutableBitSet> sets, long[] ids) {
    super(cluster, traits, input);
    if (sets.size() != ids.length) {
      throw new IllegalArgumentException(sets.size() + " grouping sets but " + ids.length + " ids");
    }
    this.copied = copied.clone();
    this.sets = List.copyOf(sets);
    this.ids = ids.clone();
    RelDataTypeFactory types = cluster.getTypeFactory();
    List<RelDataTypeField> fields = input.getRowType().getFieldList();
    RelDataTypeFactory.Builder row = types.builder().addAll(fields);
    for (int field : copied) {
      row.add(fields.get(field).getName(), types.createTypeWithNullability(fields.get(field).getType(), true));
    }
    row.add("$g", types.createSqlType(SqlTypeName.BIGINT));
    this.rowType = row.uniquify().build();
  }

  /** The input fields that get a copy, in the order of the copies. */
  public int[] copied() {
    return copied.clone();
  }

  /** The grouping sets, as input fields. */
  public List<ImmutableBitSet> sets() {
    return sets;
  }

  /** The grouping id of each set. */
  public long[] ids() {
    return ids.clone();
  }

  /** The field of the output row that holds the copy of {@code copied()[index]}. */
  public int copyField(int index) {
    return getInput().getRowType().getFieldCount() + index;
  }

  /** The field of the output row that holds the grouping id. */
  public int idField() {
    return getInput().getRowType().getFieldCount() + copied.length;
  }

  /**
   * For each set, whether it keeps each copied field: {@code keeps()[set][index]} is false where the copy of
   * {@code copied()[index]} is NULL.
   */
  public boolean[][] keeps() {
    boolean[][] keeps = new boolean[sets.size()][copied.length];
    for (int set = 0; set < keeps.length; set++) {
      for (int i = 0; i < copied.length; i++) {
        keeps[set][i] = sets.get(set).get(copied[i]);
      }
    }
    return keeps;
  }

  /** The grouping sets with their ids as {@code EXPLAIN} shows them, such as {@code {a, b}=0, {a}=1, {}=3}. */
  public String setsExpression() {
    List<String> names = getInput().getRowType().getFieldNames();
    List<String> described = new ArrayList<>();
    for (int set = 0; set < sets.size(); set++) {
      List<String> columns = new ArrayList<>();
      for (int field : sets.get(set)) {
        columns.add(names.get(field));
      }
      described.add("{" + String.join(", ", columns) + "}=" + ids[set]);
    }
    return String.join(", ", described);
  }

  @Override
  public String getRelTypeName() {
    return "Expand";
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new GroupingSetsExpand(getCluster(), traitSet, sole(inputs), copied, sets, ids);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("groupingSets", setsExpression()).item("groupingId", "$g");
  }

  @Override
  public String toString() {
    return "GroupingSetsExpand(" + setsExpression() + ", copied=" + Arrays.toString(copied) + ")";
  }
}
