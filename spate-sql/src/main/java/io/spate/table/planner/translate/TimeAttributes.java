package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.planner.functions.FlinkFunctions;
import io.spate.table.planner.nodes.ChangelogNormalize;
import io.spate.table.planner.functions.WindowTableFunctions;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.TimestampType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Which fields of a plan are time attributes, as Flink tracks them: a table's column that its
 * {@code WATERMARK FOR} names (event time) or that is computed as {@code PROCTIME()} (processing
 * time), passed on unchanged by projections, filters, window table functions, OVER windows and deduplications
 * that keep the first row or the last on event time (not by a Top-N or a deduplication keeping the last row on
 * processing time, whose rows change), and the
 * {@code window_time} of a window table function, and the time attributes of both sides of an interval join and of the
 * left side of a correlate (a temporal join, a table function). An expression over one (a
 * {@code CAST}, say) is a plain timestamp. A window table function's rows keep the input's time attributes next
 * to {@code window_time}, as in Flink, so a relation may have several event-time attributes: a sink or a DataStream
 * takes one only ({@link RecordTimestamps#rowtimeField}), the others cast to a plain timestamp.
 */
@Internal
public final class TimeAttributes {

  private TimeAttributes() {}

  /**
   * {@code types}, the types of {@code plan}'s fields, with its time attributes marked as Flink shows them in a
   * result's schema ({@code TIMESTAMP(3) *ROWTIME*}).
   */
  public static List<LogicalType> marked(RelNode plan, List<LogicalType> types) {
    List<LogicalType> marked = new ArrayList<>(types);
    for (int field = 0; field < marked.size(); field++) {
      TimestampKind kind = kind(plan, field, true);
      LogicalType type = marked.get(field);
      if (kind != TimestampKind.REGULAR && type instanceof TimestampType t) {
        marked.set(field, new TimestampType(t.isNullable(), kind, t.getPrecision()));
      } else if (kind != TimestampKind.REGULAR && type instanceof LocalZonedTimestampType t) {
        marked.set(field, new LocalZonedTimestampType(t.isNullable(), kind, t.getPrecision()));
      }
    }
    return marked;
  }

  /** The indexes of {@code plan}'s fields that are event-time attributes. */
  static Set<Integer> of(RelNode plan) {
    Set<Integer> fields = new HashSet<>();
    for (int field = 0; field < plan.getRowType().getFieldCount(); field++) {
      if (isRowtime(plan, field)) {
        fields.add(field);
      }
    }
    return fields;
  }

  /** Whether field {@code field} of {@code plan}'s rows is an event-time attribute. */
  static boolean isRowtime(RelNode plan, int field) {
    return kind(plan, field) == TimestampKind.ROWTIME;
  }

  /** Whether field {@code field} of {@code plan}'s rows is a processing-time attribute. */
  static boolean isProctime(RelNode plan, int field) {
    return kind(plan, field) == TimestampKind.PROCTIME;
  }

  /** What kind of time field {@code field} of {@code plan}'s rows is. */
  static TimestampKind kind(RelNode plan, int field) {
    return kind(plan, field, false);
  }

  /**
   * What kind of time field {@code field} of {@code plan}'s rows is; {@code shown} asks for the kind Flink shows in
   * a result's schema, which its type inference decides before it plans where time attributes survive: there the
   * rows of a Top-N, a deduplication keeping the last row and a regular join keep their inputs' kinds, so do the
   * group keys of a regular aggregate, and the {@code MAX} or {@code MIN} of a time attribute (grouped, windowed or
   * OVER) has its kind, though none of them is a time attribute for what follows (a window table function on the
   * {@code MAX} of one is rejected).
   */
  private static TimestampKind kind(RelNode plan, int field, boolean shown) {
    if (plan instanceof TableScan scan) {
      return scanKind(scan, field);
    }
    if (plan instanceof LogicalProject project && RankTranslator.matches(project)) {
      // A Top-N or a deduplication keeping the last row on processing time updates its rows: their time is no
      // time attribute. One on event time keeps the row with the latest time, which stays one.
      return RankTranslator.emitsUpdates(project) && !shown && !RankTranslator.keepsLastRowOnRowtime(project)
          ? TimestampKind.REGULAR
          : refKind(project.getInput().getInput(0), project.getProjects().get(field), shown);
    }
    if (plan instanceof LogicalProject project) {
      return refKind(project.getInput(), project.getProjects().get(field), shown);
    }
    if (plan instanceof LogicalCalc calc) {
      var program = calc.getProgram();
      return refKind(calc.getInput(), program.expandLocalRef(program.getProjectList().get(field)), shown);
    }
    if (plan instanceof LogicalFilter filter) {
      // A Top-N without a projection above it shows the ranks, so it is no deduplication.
      return RankTranslator.emitsUpdates(filter) && !shown && !RankTranslator.keepsLastRowOnRowtime(filter)
          ? TimestampKind.REGULAR
          : kind(filter.getInput(), field, shown);
    }
    if (plan instanceof ChangelogNormalize normalize) {
      return kind(normalize.getInput(), field, shown);
    }
    if (plan instanceof Window window) {
      int inputCount = window.getInput().getRowType().getFieldCount();
      if (field < inputCount) {
        return kind(window.getInput(), field, shown);
      }
      return shown ? overAggregateKind(window, field - inputCount) : TimestampKind.REGULAR;
    }
    if (plan instanceof LogicalTableFunctionScan scan && scan.getInputs().size() == 1) {
      return windowTableFunctionKind(scan, field, shown);
    }
    if (plan instanceof LogicalJoin join && (shown || IntervalJoinTranslator.isIntervalJoin(join))) {
      int leftCount = join.getLeft().getRowType().getFieldCount();
      return field < leftCount ? kind(join.getLeft(), field, shown) : kind(join.getRight(), field - leftCount, shown);
    }
    if (plan instanceof LookupJoin lookupJoin) {
      return field < lookupJoin.getInput().getRowType().getFieldCount() ? kind(lookupJoin.getInput(), field, shown)
          : TimestampKind.REGULAR;
    }
    if (plan instanceof LogicalCorrelate correlate) {
      return field < correlate.getLeft().getRowType().getFieldCount() ? kind(correlate.getLeft(), field, shown)
          : TimestampKind.REGULAR;
    }
    if (plan instanceof LogicalAggregate aggregate && field >= aggregate.getGroupCount()) {
      return shown ? extremeKind(aggregate.getInput(), aggregate.getAggCallList().get(field - aggregate.getGroupCount()),
          shown) : TimestampKind.REGULAR;
    }
    if (plan instanceof LogicalAggregate aggregate && (shown || StreamTranslator.windowEndField(aggregate) >= 0)) {
      // A window aggregate's window_time (a group key) stays its time attribute, as in Flink.
      return kind(aggregate.getInput(), aggregate.getGroupSet().nth(field), shown);
    }
    if (plan instanceof LogicalUnion union) {
      TimestampKind first = kind(union.getInput(0), field, shown);
      return union.getInputs().stream().allMatch(input -> kind(input, field, shown) == first) ? first
          : TimestampKind.REGULAR;
    }
    return TimestampKind.REGULAR;
  }

  /** The kind of an aggregate call's result as Flink shows it: that of the time attribute a MAX or MIN takes. */
  private static TimestampKind extremeKind(RelNode input, AggregateCall call, boolean shown) {
    return isExtreme(call.getAggregation().getKind()) && call.getArgList().size() == 1 ? kind(input, call.getArgList().get(0), shown)
        : TimestampKind.REGULAR;
  }

  private static boolean isExtreme(SqlKind aggregate) {
    return aggregate == SqlKind.MAX || aggregate == SqlKind.MIN;
  }

  /** The kind Flink shows for the {@code index}th aggregate an OVER window computes: as {@link #extremeKind}. */
  private static TimestampKind overAggregateKind(Window window, int index) {
    for (Window.Group group : window.groups) {
      if (index < group.aggCalls.size()) {
        Window.RexWinAggCall call = group.aggCalls.get(index);
        return isExtreme(call.getKind()) && call.getOperands().size() == 1 && call.getOperands().get(0) instanceof RexInputRef ref
            ? kind(window.getInput(), ref.getIndex(), true) : TimestampKind.REGULAR;
      }
      index -= group.aggCalls.size();
    }
    return TimestampKind.REGULAR;
  }

  /**
   * A window table function keeps its input's time attributes, as Flink does, and adds {@code window_time}, a
   * time attribute of the kind its {@code DESCRIPTOR}'s column is (event time unless that is processing time).
   */
  private static TimestampKind windowTableFunctionKind(LogicalTableFunctionScan scan, int field, boolean shown) {
    RelNode input = scan.getInput(0);
    if (!WindowCall.isWindowFunction(scan)) {
      return field == scan.getRowType().getFieldCount() - 1 ? TimestampKind.ROWTIME : TimestampKind.REGULAR;
    }
    if (field < input.getRowType().getFieldCount()) {
      return kind(input, field, shown);
    }
    if (field != scan.getRowType().getFieldCount() - 1) {
      return TimestampKind.REGULAR; // window_start and window_end
    }
    int timeField = WindowCall.descriptorField((RexCall) scan.getCall());
    return timeField >= 0 && isProctime(input, timeField) ? TimestampKind.PROCTIME : TimestampKind.ROWTIME;
  }

  private static TimestampKind scanKind(TableScan scan, int field) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      return TimestampKind.REGULAR;
    }
    String name = scan.getRowType().getFieldNames().get(field);
    if (table.getWatermarkSpec() != null && name.equals(table.getWatermarkSpec().rowtimeAttribute())) {
      return TimestampKind.ROWTIME;
    }
    for (Column column : table.getColumns()) {
      if (column instanceof Column.ComputedColumn computed && computed.getName().equals(name)
          && computed.expression().replaceAll("\\s", "").equalsIgnoreCase("PROCTIME()")) {
        return TimestampKind.PROCTIME;
      }
    }
    return TimestampKind.REGULAR;
  }

  private static TimestampKind refKind(RelNode input, RexNode expression, boolean shown) {
    if (expression instanceof RexCall call && call.getOperator() == FlinkFunctions.PROCTIME) {
      return TimestampKind.PROCTIME; // SELECT ..., PROCTIME() AS pt: a processing-time attribute, as in Flink
    }
    if (expression instanceof RexInputRef ref) {
      return kind(input, ref.getIndex(), shown);
    }
    return shown && expression instanceof RexCall call ? shownCallKind(input, call) : TimestampKind.REGULAR;
  }

  /**
   * The kind Flink shows for a call over a time attribute. Its type inference keeps a time attribute's type (and so
   * its kind) where the call's type is that of an operand: the values of a {@code CASE} (so of {@code COALESCE} and
   * {@code NULLIF}) and of {@code IF}, and the timestamp of a timestamp plus or minus an interval; a {@code CAST}, and
   * functions with their own result type ({@code GREATEST}, {@code LEAST}, ...), give a plain timestamp. Shown only:
   * none of these is a time attribute for what follows (a window over one is rejected, as in Flink).
   */
  private static TimestampKind shownCallKind(RelNode input, RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (call.getOperator().getName().equalsIgnoreCase("IF") && operands.size() == 3) {
      return sharedKind(input, operands.subList(1, 3), call.getType());
    }
    switch (call.getKind()) {
      case CAST: {
        // A cast the planner adds to make a value NOT NULL (in a COALESCE, say) keeps its kind; a user's CAST does not.
        RelDataType from = operands.get(0).getType();
        return from.getSqlTypeName() == call.getType().getSqlTypeName() && from.getPrecision() == call.getType().getPrecision()
            && from.isNullable() != call.getType().isNullable() ? refKind(input, operands.get(0), true)
            : TimestampKind.REGULAR;
      }
      case CASE: {
        List<RexNode> values = new ArrayList<>();
        for (int i = 1; i < operands.size(); i += 2) {
          values.add(operands.get(i));
        }
        values.add(operands.get(operands.size() - 1));
        return sharedKind(input, values, call.getType());
      }
      case COALESCE:
        return sharedKind(input, operands, call.getType());
      case PLUS:
      case MINUS: { // DATETIME_PLUS and MINUS_DATE among them
        List<RexNode> timestamps = operands.stream().filter(o -> SqlTypeUtil.isTimestamp(o.getType())
            || o.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE).toList();
        boolean withInterval = operands.stream().anyMatch(o -> SqlTypeUtil.isInterval(o.getType()));
        return withInterval && timestamps.size() == 1 ? refKind(input, timestamps.get(0), true) : TimestampKind.REGULAR;
      }
      default:
        return TimestampKind.REGULAR;
    }
  }

  /**
   * The one kind other than regular that those of {@code values} of the precision of {@code type} (the call's, which
   * is then one of theirs) have, if they agree on one; else regular.
   */
  private static TimestampKind sharedKind(RelNode input, List<RexNode> values, RelDataType type) {
    TimestampKind shared = TimestampKind.REGULAR;
    for (RexNode value : values) {
      TimestampKind kind = value.getType().getPrecision() == type.getPrecision() ? refKind(input, value, true)
          : TimestampKind.REGULAR;
      if (kind != TimestampKind.REGULAR) {
        if (shared != TimestampKind.REGULAR && shared != kind) {
          return TimestampKind.REGULAR;
        }
        shared = kind;
      }
    }
    return shared;
  }
}
