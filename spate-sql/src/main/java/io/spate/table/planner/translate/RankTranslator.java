package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.table.runtime.operators.rank.AppendOnlyTopNFunction;
import io.spate.table.runtime.operators.rank.ProcTimeDeduplicateFunction;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.runtime.operators.rank.RowTimeKeepFirstRowFunction;
import io.spate.table.runtime.operators.rank.RowTimeKeepLastRowFunction;
import io.spate.table.runtime.operators.rank.SortOrder;
import io.spate.table.runtime.operators.rank.WindowTopNFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Runs Flink's Top-N and deduplication patterns: {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY
 * ...) AS rn} in a subquery and {@code rn <= N} (or {@code rn < N}, {@code rn = N}, {@code rn BETWEEN a
 * AND b}) outside it, which the plan holds as a filter on the rank field of a window node. Ordered by
 * one time attribute (event or processing time) with {@code rn = 1} and without {@code rn} in the result it is a
 * deduplication (keep the first row for ASC, the last for DESC); otherwise a Top-N. Partitioned by
 * a window table function's {@code window_start} and {@code window_end} it is a window Top-N, which
 * emits each window's ranks once when the window closes.
 */
@Internal
final class RankTranslator {

  private final StreamTranslator translator;

  RankTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  /** The pieces of a Top-N: the projection above it (or null), the filter, the window and the ranks. */
  private record Rank(LogicalProject project, LogicalFilter filter, LogicalWindow window, long start, long end,
      RexNode otherConditions) {

    Window.Group group() {
      return window.groups.get(0);
    }

    int rankField() {
      return window.getInput().getRowType().getFieldCount();
    }

    boolean outputsRank() {
      return project == null || RelOptUtil.InputFinder.bits(project.getProjects(), null).get(rankField());
    }
  }

  /** Whether {@code plan} is a Top-N or deduplication this translator runs. */
  static boolean matches(RelNode plan) {
    return rank(plan) != null;
  }

  /** Whether {@code kind} is a ranking function, which only a Top-N runs. */
  static boolean isRankFunction(SqlKind kind) {
    return kind == SqlKind.ROW_NUMBER || kind == SqlKind.RANK || kind == SqlKind.DENSE_RANK;
  }

  DataStream<Row> translate(RelNode plan) {
    Rank rank = rank(plan);
    Window.Group group = rank.group();
    RelNode inputPlan = rank.window().getInput();
    if (!StreamTranslator.isInsertOnly(inputPlan)) {
      throw new TableException("Spate SQL does not support Top-N or deduplication over an updating input (a GROUP BY"
          + " or a similar part below the ROW_NUMBER) yet");
    }
    int[] keys = group.keys.toArray();
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    RowTypeInfo inputType = StreamTranslator.rowTypeInfo(inputPlan.getRowType());
    DataStream<Row> input = translator.translate(inputPlan);
    var keyed = input.keyBy(new KeyProjection(keys), OverTranslator.keyTypeInfo(inputPlan.getRowType(), keys));
    String partition = "partitionBy=[" + fieldNames(inputPlan, keys) + "]";
    DataStream<Row> ranked;
    int windowEnd = WindowColumns.windowEnd(inputPlan, keys);
    boolean deduplicate = windowEnd < 0 && rank.start() == 1 && rank.end() == 1 && !rank.outputsRank()
        && order.size() == 1 && TimeAttributes.kind(inputPlan, order.get(0).getFieldIndex()) != TimestampKind.REGULAR;
    if (deduplicate) {
      int timeField = order.get(0).getFieldIndex();
      boolean keepLast = order.get(0).getDirection().isDescending();
      boolean rowtime = TimeAttributes.isRowtime(inputPlan, timeField);
      KeyedProcessFunction<Row, Row, Row> function = !rowtime ? new ProcTimeDeduplicateFunction(keepLast, inputType)
          : keepLast ? new RowTimeKeepLastRowFunction(timeField, inputType)
          : new RowTimeKeepFirstRowFunction(timeField, inputType);
      ranked = keyed.process(function, inputType)
          .name("Deduplicate(keep=[" + (keepLast ? "LastRow" : "FirstRow") + "], key=["
              + fieldNames(inputPlan, keys) + "], order=[" + (rowtime ? "ROWTIME" : "PROCTIME") + "])");
    } else {
      SortOrder sortOrder = sortOrder(order);
      boolean outputRank = rank.outputsRank();
      RowTypeInfo outputType = outputRank ? StreamTranslator.rowTypeInfo(rank.window().getRowType()) : inputType;
      String ranks = "rankRange=[rankStart=" + rank.start() + ", rankEnd=" + rank.end() + "], " + partition
          + ", orderBy=[" + group.orderKeys + "], select=[" + (outputRank ? "*, rn" : "*") + "]";
      ranked = windowEnd >= 0
          ? keyed.process(new WindowTopNFunction(sortOrder, rank.start(), rank.end(), outputRank, windowEnd, inputType),
              outputType).name("WindowRank(rankType=[ROW_NUMBER], " + ranks + ")")
          : keyed.process(new AppendOnlyTopNFunction(sortOrder, rank.start(), rank.end(), outputRank, inputType),
              outputType).name("Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], " + ranks + ")");
    }
    if (rank.project() == null && rank.otherConditions() == null) {
      return ranked;
    }
    return translator.calc(ranked, rank.otherConditions(),
        rank.project() == null ? null : rank.project().getProjects(),
        rank.project() == null ? rank.filter().getRowType() : rank.project().getRowType(), "Calc");
  }

  private static SortOrder sortOrder(List<RelFieldCollation> order) {
    int[] fields = new int[order.size()];
    boolean[] descending = new boolean[order.size()];
    boolean[] nullsFirst = new boolean[order.size()];
    for (int i = 0; i < fields.length; i++) {
      RelFieldCollation collation = order.get(i);
      fields[i] = collation.getFieldIndex();
      descending[i] = collation.getDirection().isDescending();
      nullsFirst[i] = collation.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED ? !descending[i]
          : collation.nullDirection == RelFieldCollation.NullDirection.FIRST;
    }
    return new SortOrder(fields, descending, nullsFirst);
  }

  /** The Top-N that {@code plan} is, or null. */
  private static Rank rank(RelNode plan) {
    LogicalProject project = null;
    RelNode node = plan;
    if (node instanceof LogicalProject p) {
      project = p;
      node = p.getInput();
    }
    if (!(node instanceof LogicalFilter filter) || !(filter.getInput() instanceof LogicalWindow window)
        || window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1
        || window.groups.get(0).aggCalls.get(0).getOperator().getKind() != SqlKind.ROW_NUMBER) {
      return null;
    }
    int rankField = window.getInput().getRowType().getFieldCount();
    long start = 1;
    long end = Long.MAX_VALUE;
    List<RexNode> others = new ArrayList<>();
    // Calcite folds rn BETWEEN a AND b into a SEARCH over a range; comparisons are what the ranks read.
    RexNode conditions = RexUtil.expandSearch(window.getCluster().getRexBuilder(), null, filter.getCondition());
    for (RexNode condition : RelOptUtil.conjunctions(conditions)) {
      long[] bounds = rankBounds(condition, rankField);
      if (bounds != null) {
        start = Math.max(start, bounds[0]);
        end = Math.min(end, bounds[1]);
      } else if (RelOptUtil.InputFinder.bits(condition).get(rankField)) {
        return null;
      } else {
        others.add(condition);
      }
    }
    if (end == Long.MAX_VALUE || start > end) {
      return null;
    }
    RexNode otherConditions = others.isEmpty() ? null
        : RexUtil.composeConjunction(window.getCluster().getRexBuilder(), others);
    return new Rank(project, filter, window, start, end, otherConditions);
  }

  /** The ranks {@code [from, to]} that {@code condition} allows if it compares the rank field with a number. */
  private static long[] rankBounds(RexNode condition, int rankField) {
    if (!(condition instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    SqlKind kind = call.getKind();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (right instanceof RexInputRef && left instanceof RexLiteral) {
      kind = kind.reverse();
      RexNode swap = left;
      left = right;
      right = swap;
    }
    if (!(left instanceof RexInputRef ref) || ref.getIndex() != rankField || !(right instanceof RexLiteral literal)
        || !(literal.getValue() instanceof BigDecimal number) || number.scale() > 0 && number.stripTrailingZeros()
        .scale() > 0) {
      return null;
    }
    long value = number.longValueExact();
    switch (kind) {
      case EQUALS:
        return new long[] {value, value};
      case LESS_THAN:
        return new long[] {1, value - 1};
      case LESS_THAN_OR_EQUAL:
        return new long[] {1, value};
      case GREATER_THAN:
        return new long[] {value + 1, Long.MAX_VALUE};
      case GREATER_THAN_OR_EQUAL:
        return new long[] {value, Long.MAX_VALUE};
      default:
        return null;
    }
  }

  private static String fieldNames(RelNode plan, int[] fields) {
    List<String> names = new ArrayList<>();
    for (int field : fields) {
      names.add(plan.getRowType().getFieldNames().get(field));
    }
    return String.join(", ", names);
  }
}
