package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.planner.nodes.GroupingSetsExpand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns every aggregate with {@code GROUPING SETS}, {@code ROLLUP} or {@code CUBE} into an ordinary
 * {@code GROUP BY} over a {@link GroupingSetsExpand}, as Flink does: the expansion emits each row once
 * per grouping set, with the group columns the set leaves out as NULL and the set's grouping id; the
 * aggregate groups by the columns every set has, the expanded columns and the id, so each set's groups
 * stay apart; a projection above it computes {@code GROUPING}, {@code GROUPING_ID} and {@code GROUP_ID}
 * from the id. The aggregate is then a changelog, two-phase, split-distinct or window aggregate like any
 * other. An aggregate with one grouping set only has its grouping functions replaced by constants.
 */
@Internal
public final class GroupingSetsRewrite extends RelShuttleImpl {

  private static final Set<SqlKind> GROUPING_FUNCTIONS = EnumSet.of(SqlKind.GROUPING, SqlKind.GROUPING_ID,
      SqlKind.GROUP_ID);

  private GroupingSetsRewrite() {}

  /** {@code plan} with each aggregate of several grouping sets (or with grouping functions) rewritten. */
  public static RelNode rewrite(RelNode plan) {
    return plan.accept(new GroupingSetsRewrite());
  }

  @Override
  public RelNode visit(LogicalAggregate aggregate) {
    RelNode visited = super.visit(aggregate);
    if (!(visited instanceof LogicalAggregate rewritten) || !needsRewrite(rewritten)) {
      return visited;
    }
    return expanded(rewritten);
  }

  private static boolean needsRewrite(LogicalAggregate aggregate) {
    return aggregate.getGroupType() != Aggregate.Group.SIMPLE
        || aggregate.getAggCallList().stream().anyMatch(GroupingSetsRewrite::isGroupingFunction);
  }

  private static boolean isGroupingFunction(AggregateCall call) {
    return GROUPING_FUNCTIONS.contains(call.getAggregation().getKind());
  }

  private static RelNode expanded(LogicalAggregate aggregate) {
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    RelNode input = aggregate.getInput();
    int inputFields = input.getRowType().getFieldCount();
    List<Integer> groups = aggregate.getGroupSet().asList();
    List<ImmutableBitSet> sets = aggregate.getGroupSets();
    ImmutableBitSet common = aggregate.getGroupSet();
    for (ImmutableBitSet set : sets) {
      common = common.intersect(set);
    }
    List<Integer> varying = aggregate.getGroupSet().except(common).asList();
    boolean expand = sets.size() > 1;
    long[] ids = new long[sets.size()];
    for (int set = 0; set < ids.length; set++) {
      ids[set] = groupingValue(groups, sets.get(set));
    }

    RelNode below = input;
    ImmutableBitSet keys = aggregate.getGroupSet();
    if (expand) {
      GroupingSetsExpand expansion = new GroupingSetsExpand(aggregate.getCluster(), aggregate.getTraitSet(), input,
          varying.stream().mapToInt(Integer::intValue).toArray(), sets, ids);
      below = expansion;
      keys = common.union(ImmutableBitSet.range(inputFields, expansion.idField() + 1));
    }
    boolean hadEmptySet = sets.stream().anyMatch(ImmutableBitSet::isEmpty);
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (isGroupingFunction(call)) {
        continue;
      }
      // A SUM of the empty set's rows may be NULL, the aggregate's of a set with a key not: the projection
      // above gives the calls their original types back.
      calls.add(expand ? call.adaptTo(below, call.getArgList(), call.filterArg, hadEmptySet, false) : call);
    }
    LogicalAggregate simple = LogicalAggregate.create(below, aggregate.getHints(), keys, null, calls);

    // The projection back to the original aggregate's fields.
    List<RelDataType> types = new ArrayList<>();
    aggregate.getRowType().getFieldList().forEach(field -> types.add(field.getType()));
    List<RexNode> projects = new ArrayList<>();
    List<Integer> commonList = common.asList();
    for (int group : groups) {
      int position = commonList.contains(group) ? commonList.indexOf(group)
          : commonList.size() + varying.indexOf(group);
      projects.add(rex.makeInputRef(simple, position));
    }
    int idField = expand ? commonList.size() + varying.size() : -1;
    int nextCall = simple.getGroupCount();
    for (AggregateCall call : aggregate.getAggCallList()) {
      RelDataType type = types.get(projects.size());
      if (!isGroupingFunction(call)) {
        projects.add(rex.makeInputRef(simple, nextCall++));
        continue;
      }
      long[] values = new long[sets.size()];
      for (int set = 0; set < values.length; set++) {
        values[set] = call.getAggregation().getKind() == SqlKind.GROUP_ID ? 0
            : groupingValue(call.getArgList(), sets.get(set));
      }
      projects.add(byGroupingId(rex, type, simple, idField, ids, values));
    }
    List<RexNode> typed = new ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      RexNode project = projects.get(i);
      typed.add(project.getType().equals(types.get(i)) ? project : rex.makeCast(types.get(i), project, true, false));
    }
    return LogicalProject.create(simple, List.of(), typed, aggregate.getRowType().getFieldNames(), Set.of());
  }

  /**
   * {@code GROUPING(columns)} of a row of grouping set {@code set}: a bit per column, the first column's the
   * highest, set where the set leaves the column out.
   */
  static long groupingValue(List<Integer> columns, ImmutableBitSet set) {
    long value = 0;
    for (int column : columns) {
      value = (value << 1) | (set.get(column) ? 0 : 1);
    }
    return value;
  }

  /** {@code values[s]} for the rows whose grouping id (field {@code idField} of {@code simple}) is {@code ids[s]}. */
  private static RexNode byGroupingId(RexBuilder rex, RelDataType type, RelNode simple, int idField, long[] ids,
      long[] values) {
    boolean constant = true;
    for (long value : values) {
      constant &= value == values[0];
    }
    if (constant) {
      return rex.makeExactLiteral(BigDecimal.valueOf(values[0]), type);
    }
    RexNode id = rex.makeInputRef(simple, idField);
    RelDataType idType = id.getType();
    List<RexNode> operands = new ArrayList<>();
    for (int set = 0; set < ids.length - 1; set++) {
      operands.add(rex.makeCall(SqlStdOperatorTable.EQUALS, id, rex.makeExactLiteral(BigDecimal.valueOf(ids[set]),
          idType)));
      operands.add(rex.makeExactLiteral(BigDecimal.valueOf(values[set]), type));
    }
    operands.add(rex.makeExactLiteral(BigDecimal.valueOf(values[ids.length - 1]), type));
    return rex.makeCall(SqlStdOperatorTable.CASE, operands);
  }
}
