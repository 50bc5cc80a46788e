package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.ReadableConfig;
import io.spate.table.api.ValidationException;
import io.spate.table.api.config.OptimizerConfigOptions;
import io.spate.table.planner.functions.UserAggSqlFunction;
import io.spate.table.planner.nodes.Expand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Optionality;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Flink's split distinct aggregation ({@code table.optimizer.distinct-agg.split.enabled}): an
 * aggregate with {@code DISTINCT} aggregates becomes a partial aggregate grouped by its keys, a bucket
 * of the distinct arguments' values and, with several sets of distinct arguments, the branch of an
 * {@link Expand} that copies each row once per set, and over it a final aggregate per original key that
 * merges the partial results. A key's distinct values then spread over up to {@code bucket-num}
 * partial groups, so a hot key no longer sends every row to one subtask.
 *
 * <p>As in Flink, only aggregates whose every call is {@code COUNT}, {@code SUM}, {@code SUM0}, {@code MIN},
 * {@code MAX}, {@code AVG}, {@code FIRST_VALUE}, {@code LAST_VALUE} or {@code LISTAGG} (without
 * {@code WITHIN GROUP}) split; user-defined aggregates never do. The final level sums partial counts and
 * sums, takes the least or greatest partial minimum or maximum, divides the sum of partial sums by the
 * sum of partial counts for {@code AVG} ({@link AvgMerge}), and applies {@code FIRST_VALUE},
 * {@code LAST_VALUE} or {@code LISTAGG} again to the partial results, as Flink does: their results are
 * then the first or last value of one bucket, and the partial lists joined in the order they arrive.
 * {@code GROUP BY} aggregates split, over inserts and over changelogs, and so do {@code TUMBLE},
 * {@code HOP} and {@code CUMULATE} window aggregates on event time, whose final aggregate groups by
 * the partial one's window columns (a cascade).
 */
@Internal
public final class SplitDistinctAggregation {

  /** The hint that marks the two levels of a split aggregate, with its level as the only option. */
  static final String HINT = "SPLIT_DISTINCT_AGG";
  static final String PARTIAL = "PARTIAL";
  static final String FINAL = "FINAL";

  private static final Set<SqlKind> SPLITTABLE = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN,
      SqlKind.MAX, SqlKind.AVG, SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE, SqlKind.LISTAGG);

  /** The aggregates that keep values, whose two levels may see no value for a group. */
  private static final Set<SqlKind> KEEPING = EnumSet.of(SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE, SqlKind.LISTAGG);

  /**
   * A {@code FIRST_VALUE}, {@code LAST_VALUE} or {@code LISTAGG} in a level of a split aggregate, whose result may
   * be NULL even where the original's is not: a partial group of another branch, or a final one whose partial
   * results are all NULL, has no value. Calcite's functions infer NOT NULL from a NOT NULL argument.
   */
  private static final class Nullable extends SqlAggFunction {
    Nullable(SqlAggFunction function, RelDataType type) {
      super(function.getName(), null, function.getKind(), ReturnTypes.explicit(type), null, OperandTypes.VARIADIC,
          function.getFunctionType(), false, false, Optionality.FORBIDDEN);
    }
  }

  /**
   * The final level of a split {@code AVG}: over the partial levels' sums and counts (its two arguments), the
   * sum of the sums divided by the sum of the counts, in the average's type, NULL while the counts add up to 0.
   */
  static final class AvgMerge extends SqlAggFunction {
    /** The merge of an average of {@code type}, which the sum's type does not tell (an integer average sums in BIGINT). */
    AvgMerge(RelDataType type) {
      super("$AVG_MERGE", null, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(type), null, OperandTypes.ANY_ANY,
          SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN);
    }
  }

  private SplitDistinctAggregation() {}

  /** {@code plan} with every aggregate that {@link #applies} with {@code config} split in two levels. */
  public static RelNode rewrite(RelNode plan, ReadableConfig config) {
    if (!config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_DISTINCT_AGG_SPLIT_ENABLED)) {
      return plan;
    }
    int bucketNum = config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_DISTINCT_AGG_SPLIT_BUCKET_NUM);
    if (bucketNum <= 0) {
      throw new ValidationException("table.optimizer.distinct-agg.split.bucket-num must be a positive number of"
          + " buckets, not " + bucketNum);
    }
    return rewrite(plan, bucketNum);
  }

  private static RelNode rewrite(RelNode plan, int bucketNum) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : plan.getInputs()) {
      RelNode rewritten = rewrite(input, bucketNum);
      changed |= rewritten != input;
      inputs.add(rewritten);
    }
    RelNode node = changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
    return node instanceof LogicalAggregate aggregate && applies(aggregate) ? split(aggregate, bucketNum) : node;
  }

  /**
   * Whether {@code aggregate} splits: it has a {@code DISTINCT} call, every call is one that splits, it
   * is not a level of a split already, and if it is a window aggregate its windows are not sessions and
   * run on event time.
   */
  static boolean applies(LogicalAggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || levelOf(aggregate) != null) {
      return false;
    }
    boolean distinct = false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      SqlKind kind = call.getAggregation().getKind();
      if (call.getAggregation() instanceof UserAggSqlFunction || !SPLITTABLE.contains(kind) || call.isApproximate()
          || !call.getCollation().getFieldCollations().isEmpty()
          || call.getArgList().size() > (kind == SqlKind.LISTAGG ? 2 : 1) && kind != SqlKind.COUNT) {
        return false;
      }
      distinct |= call.isDistinct();
    }
    if (!distinct) {
      return false;
    }
    return StreamTranslator.windowEndField(aggregate) < 0 || windowsSplit(aggregate.getInput());
  }

  /** Whether the window functions below a window aggregate allow a split: no sessions, no processing time. */
  private static boolean windowsSplit(RelNode plan) {
    if (plan instanceof LogicalTableFunctionScan scan && WindowCall.isWindowFunction(scan)) {
      WindowCall window = WindowCall.of(scan);
      if (window.isSession() || TimeAttributes.isProctime(scan.getInput(0), window.timeField())) {
        return false;
      }
    }
    for (RelNode input : plan.getInputs()) {
      if (!windowsSplit(input)) {
        return false;
      }
    }
    return true;
  }

  /** {@code PARTIAL} or {@code FINAL} for a level of a split aggregate, null for any other node. */
  static String levelOf(RelNode node) {
    if (node instanceof LogicalAggregate aggregate) {
      for (RelHint hint : aggregate.getHints()) {
        if (hint.hintName.equals(HINT)) {
          return hint.listOptions.get(0);
        }
      }
    }
    return null;
  }

  private static RelNode split(LogicalAggregate aggregate, int bucketNum) {
    RelNode input = aggregate.getInput();
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    RelDataTypeFactory types = aggregate.getCluster().getTypeFactory();
    List<AggregateCall> calls = aggregate.getAggCallList();
    List<List<Integer>> branches = new ArrayList<>();
    for (AggregateCall call : calls) {
      if (call.isDistinct() && !branches.contains(call.getArgList())) {
        branches.add(call.getArgList());
      }
    }
    List<int[]> branchFields = new ArrayList<>();
    for (List<Integer> branch : branches) {
      branchFields.add(branch.stream().mapToInt(Integer::intValue).toArray());
    }
    Expand expand = new Expand(aggregate.getCluster(), aggregate.getTraitSet(), input, branchFields, bucketNum);

    // Each call counts the rows of one branch (the first for calls without DISTINCT), under its own filter.
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>(expand.getRowType().getFieldNames());
    for (int i = 0; i < expand.getRowType().getFieldCount(); i++) {
      projects.add(rex.makeInputRef(expand, i));
    }
    int[] filters = new int[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      RexNode filter = call.filterArg >= 0 ? rex.makeInputRef(expand, call.filterArg) : null;
      if (branches.size() > 1) {
        int branch = call.isDistinct() ? branches.indexOf(call.getArgList()) : 0;
        RexNode inBranch = rex.makeCall(SqlStdOperatorTable.EQUALS, rex.makeInputRef(expand, expand.branchField()),
            rex.makeExactLiteral(java.math.BigDecimal.valueOf(branch)));
        filter = filter == null ? inBranch : rex.makeCall(SqlStdOperatorTable.AND, inBranch, filter);
      }
      if (filter == null) {
        filters[i] = -1;
      } else {
        int known = indexOf(projects, filter, 0);
        if (known < 0) {
          projects.add(filter);
          names.add("$f" + projects.size());
          known = projects.size() - 1;
        }
        filters[i] = known;
      }
    }
    // An AVG sums its argument in the type its accumulator sums in (BIGINT for integers), as the unsplit one does.
    int[] avgArguments = new int[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      if (call.getAggregation().getKind() != SqlKind.AVG) {
        continue;
      }
      int argument = call.getArgList().get(0);
      RelDataType argumentType = expand.getRowType().getFieldList().get(argument).getType();
      RelDataType sumType = types.createTypeWithNullability(avgSumType(call.getType(), types),
          argumentType.isNullable());
      if (argumentType.equals(sumType)) {
        avgArguments[i] = argument;
      } else {
        projects.add(rex.makeCast(sumType, rex.makeInputRef(expand, argument)));
        names.add("$f" + projects.size());
        avgArguments[i] = projects.size() - 1;
      }
    }
    RelNode filtered = projects.size() == expand.getRowType().getFieldCount() ? expand
        : LogicalProject.create(expand, List.of(), projects, names, Set.of());

    // A LISTAGG's separator (a literal's field) is a group key of the partial level, constant per key, so that
    // the final level joins the partial lists with the same separator.
    ImmutableBitSet.Builder separators = ImmutableBitSet.builder();
    for (AggregateCall call : calls) {
      if (call.getAggregation().getKind() == SqlKind.LISTAGG && call.getArgList().size() > 1) {
        separators.set(call.getArgList().get(1));
      }
    }
    ImmutableBitSet partialGroups = aggregate.getGroupSet().union(separators.build()).union(branches.size() > 1
        ? ImmutableBitSet.of(expand.bucketField(), expand.branchField()) : ImmutableBitSet.of(expand.bucketField()));
    List<AggregateCall> partialCalls = new ArrayList<>();
    List<AggregateCall> finalCalls = new ArrayList<>();
    int partialGroupCount = partialGroups.cardinality();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      SqlKind kind = call.getAggregation().getKind();
      int partialField = partialGroupCount + partialCalls.size();
      if (kind == SqlKind.AVG) {
        // AVG as Flink splits it: a partial sum and count, their sums divided at the final level.
        String name = call.getName() == null ? "$f" + i : call.getName();
        partialCalls.add(AggregateCall.create(SqlStdOperatorTable.SUM0, call.isDistinct(), false, false, List.of(),
            List.of(avgArguments[i]), filters[i], null, RelCollations.EMPTY, partialGroupCount, filtered, null,
            name + "$sum"));
        partialCalls.add(AggregateCall.create(SqlStdOperatorTable.COUNT, call.isDistinct(), false, false, List.of(),
            List.of(avgArguments[i]), filters[i], null, RelCollations.EMPTY, partialGroupCount, filtered, null,
            name + "$count"));
        finalCalls.add(AggregateCall.create(new AvgMerge(call.getType()), false, false, false, List.of(),
            List.of(partialField, partialField + 1), -1, null, RelCollations.EMPTY, call.getType(), call.getName()));
        continue;
      }
      RelDataType partialType = kind == SqlKind.COUNT || kind == SqlKind.SUM0 ? call.getType()
          : types.createTypeWithNullability(call.getType(), true);
      SqlAggFunction function = KEEPING.contains(kind) ? new Nullable(call.getAggregation(), partialType)
          : call.getAggregation();
      partialCalls.add(AggregateCall.create(function, call.isDistinct(), false, call.ignoreNulls(),
          List.of(), call.getArgList(), filters[i], null, RelCollations.EMPTY, partialType, call.getName()));
      SqlAggFunction merge = kind == SqlKind.COUNT ? SqlStdOperatorTable.SUM0 : function;
      List<Integer> finalArgs = kind == SqlKind.LISTAGG && call.getArgList().size() > 1
          ? List.of(partialField, partialGroups.indexOf(call.getArgList().get(1))) : List.of(partialField);
      finalCalls.add(AggregateCall.create(merge, false, false, false, List.of(), finalArgs, -1,
          null, RelCollations.EMPTY, merge == SqlStdOperatorTable.SUM0 ? call.getType() : partialType, call.getName()));
    }
    LogicalAggregate partial = LogicalAggregate.create(filtered, List.of(level(PARTIAL)), partialGroups, null,
        partialCalls);
    ImmutableBitSet.Builder finalGroups = ImmutableBitSet.builder();
    for (int group : aggregate.getGroupSet()) {
      finalGroups.set(partialGroups.indexOf(group));
    }
    LogicalAggregate merged = LogicalAggregate.create(partial, List.of(level(FINAL)), finalGroups.build(), null,
        finalCalls);
    if (merged.getRowType().equals(aggregate.getRowType())) {
      return merged;
    }
    // A final MIN or MAX reads partial results that may be NULL (a group of another branch), yet it is
    // NOT NULL wherever the original is: each key has a row in the branch that computes it.
    List<RexNode> casts = new ArrayList<>();
    for (int i = 0; i < merged.getRowType().getFieldCount(); i++) {
      RelDataType type = aggregate.getRowType().getFieldList().get(i).getType();
      RexNode field = rex.makeInputRef(merged, i);
      casts.add(field.getType().equals(type) ? field : rex.makeAbstractCast(type, field, false));
    }
    return LogicalProject.create(merged, List.of(), casts, aggregate.getRowType().getFieldNames(), Set.of());
  }

  /**
   * The type an {@code AVG} of {@code resultType} sums in, as its accumulator does: {@code DECIMAL(38, s)} for a
   * decimal average of scale {@code s}, {@code BIGINT} for an integer one, {@code DOUBLE} for any other.
   */
  private static RelDataType avgSumType(RelDataType resultType, RelDataTypeFactory types) {
    SqlTypeName name = resultType.getSqlTypeName();
    if (name == SqlTypeName.DECIMAL) {
      return types.createSqlType(SqlTypeName.DECIMAL, 38, resultType.getScale());
    }
    return types.createSqlType(SqlTypeName.INT_TYPES.contains(name) ? SqlTypeName.BIGINT : SqlTypeName.DOUBLE);
  }

  private static int indexOf(List<RexNode> projects, RexNode filter, int from) {
    for (int i = from; i < projects.size(); i++) {
      if (projects.get(i).equals(filter)) {
        return i;
      }
    }
    return -1;
  }

  private static RelHint level(String level) {
    return RelHint.builder(HINT).hintOption(level).build();
  }
}
