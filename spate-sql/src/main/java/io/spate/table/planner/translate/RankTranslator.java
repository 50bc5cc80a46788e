package io.spate.table.planner.translate;

import io.spate.table.api.TableException;
import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.table.runtime.operators.rank.AppendOnlyTop1Function;
import io.spate.table.runtime.operators.rank.AppendOnlyTopNFunction;
import io.spate.table.runtime.operators.rank.ProcTimeDeduplicateFunction;
import io.spate.table.runtime.operators.rank.RankType;
import io.spate.table.runtime.operators.rank.RetractableTopNFunction;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.runtime.operators.rank.RowTimeKeepFirstRowFunction;
import io.spate.table.runtime.operators.rank.RowTimeKeepLastRowFunction;
import io.spate.table.runtime.operators.rank.SortOrder;
import io.spate.table.runtime.operators.rank.WindowTopNFunction;
import io.spate.table.runtime.operators.window.WindowZone;
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
 * ...) AS rn} (or {@code RANK()}, {@code DENSE_RANK()}) in a subquery and {@code rn <= N} (or
 * {@code rn < N}, {@code rn = N}, {@code rn BETWEEN a AND b}) outside it, which the plan holds as a
 * filter on the rank field of a window node. A {@code ROW_NUMBER()} ordered by one time attribute
 * (event or processing time) with {@code rn = 1} and without {@code rn} in the result is a
 * deduplication (keep the first row for ASC, the last for DESC); otherwise it is a Top-N.
 * Partitioned by a window table function's {@code window_start} and {@code window_end} it is a
 * window Top-N (with any of the three rank functions), which emits each window's ranks once when the
 * window closes. Over an updating input
 * (a {@code GROUP BY} below it) a Top-N keeps every row and follows the input's retractions.
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

    RankType rankType() {
      SqlKind kind = group().aggCalls.get(0).getOperator().getKind();
      return kind == SqlKind.RANK ? RankType.RANK : kind == SqlKind.DENSE_RANK ? RankType.DENSE_RANK
          : RankType.ROW_NUMBER;
    }

    int rankField() {
      return window.getInput().getRowType().getFieldCount();
    }

    boolean outputsRank() {
      return project == null || RelOptUtil.InputFinder.bits(project.getProjects(), null).get(rankField());
    }
  }

  /**
   * A deduplication that keeps each key's last row by an event-time attribute, as the versioned table
   * of a temporal join: {@code versions} is the plan of all its rows (each a version of its key),
   * shaped as the deduplication's output, and {@code keyFields} its key's fields there.
   */
  record VersionedView(RelNode versions, List<Integer> keyFields, List<String> keyNames) {}

  /** {@code plan} as a versioned view, or null if it is no deduplication keeping the last row in event time. */
  static VersionedView versionedView(RelNode plan) {
    Rank rank = rank(plan);
    if (rank == null || rank.project() == null || rank.otherConditions() != null || rank.outputsRank()
        || rank.start() != 1 || rank.end() != 1 || rank.rankType() != RankType.ROW_NUMBER) {
      return null;
    }
    List<RelFieldCollation> order = rank.group().orderKeys.getFieldCollations();
    RelNode input = rank.window().getInput();
    if (order.size() != 1 || !order.get(0).getDirection().isDescending()
        || !TimeAttributes.isRowtime(input, order.get(0).getFieldIndex())) {
      return null;
    }
    List<RexNode> projects = rank.project().getProjects();
    List<Integer> keyFields = new ArrayList<>();
    List<String> keyNames = new ArrayList<>();
    for (int key : rank.group().keys) {
      int field = -1;
      for (int i = 0; i < projects.size() && field < 0; i++) {
        if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == key) {
          field = i;
        }
      }
      if (field < 0) {
        return null; // the key is not passed on: the view has no primary key
      }
      keyFields.add(field);
      keyNames.add(rank.project().getRowType().getFieldNames().get(field));
    }
    RelNode versions = rank.project().copy(rank.project().getTraitSet(), input, projects, rank.project().getRowType());
    return new VersionedView(versions, keyFields, keyNames);
  }

  /** Whether {@code plan} is a Top-N or deduplication this translator runs. */
  static boolean matches(RelNode plan) {
    return rank(plan) != null;
  }

  /** Whether {@code kind} is a ranking function, which only a Top-N runs. */
  static boolean isRankFunction(SqlKind kind) {
    return kind == SqlKind.ROW_NUMBER || kind == SqlKind.RANK || kind == SqlKind.DENSE_RANK;
  }

  /** How a Top-N pattern runs. */
  enum Strategy {
    /** Keeps the first N rows of inserts; a changelog. */
    APPEND_TOP_N,
    /** Keeps every row of a changelog; a changelog. */
    RETRACT_TOP_N,
    /** Emits each window's ranks once; inserts only. */
    WINDOW_TOP_N,
    /** Keeps each key's first row in time; inserts only. */
    KEEP_FIRST_ROW,
    /** Keeps each key's last row in time; a changelog. */
    KEEP_LAST_ROW;

    /** Whether its result has updates or deletes. */
    boolean emitsUpdates() {
      return this != WINDOW_TOP_N && this != KEEP_FIRST_ROW;
    }
  }

  /**
   * Whether {@code plan} is a Top-N or deduplication whose result has updates (a Top-N's changelog, a
   * deduplication that keeps the last row); false for anything else, and for a window Top-N or a
   * deduplication that keeps the first row, which only insert.
   */
  static boolean emitsUpdates(RelNode plan) {
    Rank rank = rank(plan);
    return rank != null && strategy(rank).emitsUpdates();
  }

  /**
   * Whether {@code plan} is a deduplication keeping each key's last row on event time, whose rows keep their
   * time attributes, as in Flink (a window aggregate then takes its changelog).
   */
  static boolean keepsLastRowOnRowtime(RelNode plan) {
    Rank rank = rank(plan);
    if (rank == null || rank.rankType() != RankType.ROW_NUMBER || rank.start() != 1 || rank.end() != 1
        || !StreamTranslator.isInsertOnly(rank.window().getInput())) {
      return false;
    }
    // Also when the query shows the row number, which is 1 on every row.
    List<RelFieldCollation> order = rank.group().orderKeys.getFieldCollations();
    return order.size() == 1 && order.get(0).getDirection().isDescending()
        && TimeAttributes.isRowtime(rank.window().getInput(), order.get(0).getFieldIndex());
  }

  private static Strategy strategy(Rank rank) {
    RelNode inputPlan = rank.window().getInput();
    int[] keys = rank.group().keys.toArray();
    List<RelFieldCollation> order = rank.group().orderKeys.getFieldCollations();
    boolean insertOnly = StreamTranslator.isInsertOnly(inputPlan);
    if (WindowColumns.windowEnd(inputPlan, keys) >= 0 && insertOnly) {
      return Strategy.WINDOW_TOP_N;
    }
    if (rank.rankType() != RankType.ROW_NUMBER) {
      return Strategy.RETRACT_TOP_N;
    }
    boolean deduplicate = rank.start() == 1 && rank.end() == 1 && !rank.outputsRank() && order.size() == 1
        && TimeAttributes.kind(inputPlan, order.get(0).getFieldIndex()) != TimestampKind.REGULAR;
    if (deduplicate && insertOnly) {
      return order.get(0).getDirection().isDescending() ? Strategy.KEEP_LAST_ROW : Strategy.KEEP_FIRST_ROW;
    }
    return insertOnly ? Strategy.APPEND_TOP_N : Strategy.RETRACT_TOP_N;
  }

  DataStream<Row> translate(RelNode plan) {
    Rank rank = rank(plan);
    Window.Group group = rank.group();
    RelNode inputPlan = rank.window().getInput();
    int[] keys = group.keys.toArray();
    if (WindowColumns.windowEnd(inputPlan, keys) >= 0 && !StreamTranslator.isInsertOnly(inputPlan)) {
      // As in Flink: a window's ranks go out once, when it fires, so they cannot follow updates.
      throw new TableException("A window Top-N takes only inserts, but its input updates or deletes rows: "
          + RelOptUtil.toString(inputPlan).trim());
    }
    Strategy strategy = strategy(rank);
    if (strategy == Strategy.WINDOW_TOP_N
        && WindowColumns.onProcessingTime(inputPlan, WindowColumns.windowEnd(inputPlan, keys))) {
      throw new TableException("Processing time Window TopN is not supported yet: a window Top-N needs windows on"
          + " an event-time attribute");
    }
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    RowTypeInfo inputType = StreamTranslator.rowTypeInfo(inputPlan.getRowType());
    DataStream<Row> input = translator.translate(inputPlan);
    var keyed = StateKeys.keyBy(input, inputPlan.getRowType(), keys);
    String partition = "partitionBy=[" + fieldNames(inputPlan, keys) + "]";
    long retention = translator.stateRetentionMillis();
    DataStream<Row> ranked;
    if (strategy == Strategy.KEEP_FIRST_ROW || strategy == Strategy.KEEP_LAST_ROW) {
      int timeField = order.get(0).getFieldIndex();
      boolean keepLast = strategy == Strategy.KEEP_LAST_ROW;
      boolean rowtime = TimeAttributes.isRowtime(inputPlan, timeField);
      KeyedProcessFunction<Object, Row, Row> function = !rowtime ? new ProcTimeDeduplicateFunction(keepLast, inputType, retention)
          : keepLast ? new RowTimeKeepLastRowFunction(timeField, inputType, retention)
          : new RowTimeKeepFirstRowFunction(timeField, inputType, retention);
      ranked = keyed.process(function, inputType)
          .name("Deduplicate(keep=[" + (keepLast ? "LastRow" : "FirstRow") + "], key=["
              + fieldNames(inputPlan, keys) + "], order=[" + (rowtime ? "ROWTIME" : "PROCTIME") + "])");
    } else {
      SortOrder sortOrder = sortOrder(order);
      boolean outputRank = rank.outputsRank();
      RowTypeInfo outputType = outputRank ? StreamTranslator.rowTypeInfo(rank.window().getRowType()) : inputType;
      String ranks = "rankRange=[rankStart=" + rank.start() + ", rankEnd=" + rank.end() + "], " + partition
          + ", orderBy=[" + group.orderKeys + "], select=[" + (outputRank ? "*, rn" : "*") + "]";
      long start = rank.start();
      long end = rank.end();
      switch (strategy) {
        case WINDOW_TOP_N:
          int windowEnd = WindowColumns.windowEnd(inputPlan, keys);
          WindowZone zone = WindowColumns.zone(inputPlan, windowEnd, translator.zone);
          ranked = WallClockWindows.fromWallClock(StateKeys.keyBy(WallClockWindows.toWallClock(input, zone),
              inputPlan.getRowType(), keys).process(new WindowTopNFunction(sortOrder, rank.rankType(), start, end,
              outputRank, windowEnd, inputType), outputType)
              .name("WindowRank(rankType=[" + rank.rankType() + "], " + ranks + ")"), zone);
          break;
        case RETRACT_TOP_N:
          ranked = keyed.process(new RetractableTopNFunction(sortOrder, rank.rankType(), start, end, outputRank,
              StreamTranslator.isInsertOnly(inputPlan), inputType, retention), outputType)
              .name("Rank(strategy=[RetractStrategy], rankType=[" + rank.rankType() + "], " + ranks + ")");
          break;
        default:
          // The first row alone needs no sorted list: one row per key, compared and replaced.
          KeyedProcessFunction<Object, Row, Row> appendOnly = end == 1
              ? new AppendOnlyTop1Function(sortOrder, outputRank, inputType, retention)
              : new AppendOnlyTopNFunction(sortOrder, start, end, outputRank, inputType, retention);
          ranked = keyed.process(appendOnly, outputType)
              .name("Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], " + ranks + ")");
      }
    }
    if (rank.project() == null && rank.otherConditions() == null) {
      return ranked;
    }
    return translator.calc(ranked, rank.otherConditions(),
        rank.project() == null ? null : rank.project().getProjects(),
        rank.project() == null ? rank.filter().getRowType() : rank.project().getRowType(), "Calc");
  }

  static SortOrder sortOrder(List<RelFieldCollation> order) {
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
        || !isRankFunction(window.groups.get(0).aggCalls.get(0).getOperator().getKind())) {
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
