package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.over.OverAggFunction;
import org.apache.calcite.rel.type.RelDataTypeField;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import io.spate.table.types.logical.TimestampKind;

/**
 * Runs {@code agg(...) OVER (PARTITION BY ... ORDER BY rowtime ROWS|RANGE BETWEEN ... PRECEDING AND
 * CURRENT ROW)}: a window node of the plan becomes a keyed {@link OverAggFunction}. Checks
 * what Flink checks: one window per node, ordered ascending by a time attribute (event or
 * processing time), ending at the current row, over an input without updates.
 */
@Internal
final class OverTranslator {

  private final StreamTranslator translator;

  OverTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  DataStream<Row> translate(LogicalWindow window) {
    if (window.groups.size() != 1) {
      throw new ValidationException("Over Agg: Unsupported use of OVER windows. All aggregates must be computed on"
          + " the same window (the same PARTITION BY, ORDER BY and frame), as in Flink");
    }
    Window.Group group = window.groups.get(0);
    RelNode inputPlan = window.getInput();
    for (Window.RexWinAggCall call : group.aggCalls) {
      if (RankTranslator.isRankFunction(call.getOperator().getKind()) && !isRowNumber(call, group)) {
        throw new TableException("Spate SQL runs " + call.getOperator().getName() + "() OVER (...) only as Top-N or"
            + " deduplication: filter the rank in an outer query (WHERE rn <= N)");
      }
    }
    if (!StreamTranslator.isInsertOnly(inputPlan)) {
      throw new TableException("An OVER aggregate does not support consuming update changes: its input is a"
          + " changelog (from a GROUP BY or a similar part), as in Flink. Input: " + inputPlan.explain().trim());
    }
    int timeField;
    try {
      timeField = orderField(group, inputPlan);
    } catch (ValidationException e) {
      if (group.aggCalls.stream().noneMatch(call -> call.getOperator().getKind() == SqlKind.ROW_NUMBER)) {
        throw e;
      }
      // A ROW_NUMBER() in another order is most often a Top-N whose filter is missing.
      throw new ValidationException(e.getMessage() + ". A ROW_NUMBER() in another order runs only as a Top-N or"
          + " deduplication: filter the rank in an outer query (WHERE rn <= N)", e);
    }
    if (!group.upperBound.isCurrentRow()) {
      throw new TableException("Spate SQL supports OVER windows that end at the CURRENT ROW only, as Flink does, not"
          + " at " + group.upperBound);
    }
    long preceding = preceding(group, window);
    // Aggregates of constants (COUNT(1), SUM(2)) read those constants as fields after the input's.
    int inputFields = inputPlan.getRowType().getFieldCount();
    List<RexNode> constants = aggregatedConstants(window);
    RelDataType aggInputType = withConstants(window, constants);
    AggFunction[] aggs = new AggFunction[group.aggCalls.size()];
    for (int i = 0; i < aggs.length; i++) {
      aggs[i] = aggFunction(group.aggCalls.get(i), window, constants, aggInputType, preceding >= 0);
    }
    DataStream<Row> input = translator.translate(inputPlan);
    RexBuilder rexBuilder = window.getCluster().getRexBuilder();
    if (!constants.isEmpty()) {
      List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(inputPlan.getRowType()));
      projects.addAll(constants);
      input = translator.calc(input, null, projects, aggInputType, "Constants of OVER aggregates");
    }
    RowTypeInfo inputType = StreamTranslator.rowTypeInfo(aggInputType);
    int[] keys = group.keys.toArray();
    String frame = (group.isRows ? "ROWS" : "RANGE") + " BETWEEN "
        + (preceding < 0 ? "UNBOUNDED" : preceding + (group.isRows ? "" : " ms")) + " PRECEDING AND CURRENT ROW";
    RelDataTypeFactory.Builder outputType = window.getCluster().getTypeFactory().builder()
        .addAll(aggInputType.getFieldList());
    window.getRowType().getFieldList().subList(inputFields, window.getRowType().getFieldCount())
        .forEach(outputType::add);
    DataStream<Row> over = StateKeys.keyBy(input, inputPlan.getRowType(), keys)
        .process(new OverAggFunction(TimeAttributes.isRowtime(inputPlan, timeField) ? timeField : -1, group.isRows,
                preceding, aggs, inputType, translator.stateRetentionMillis()),
            StreamTranslator.rowTypeInfo(outputType.uniquify().build()))
        .name("OverAggregate(partitionBy=[" + fieldNames(inputPlan, keys) + "], orderBy=["
            + inputPlan.getRowType().getFieldNames().get(timeField) + "], " + frame + ", select=" + group.aggCalls
            + ")");
    return constants.isEmpty() ? over : withoutConstants(over, window, aggInputType.getFieldCount());
  }

  /** The window's constants that its aggregates read, each once. */
  private static List<RexNode> aggregatedConstants(LogicalWindow window) {
    int inputFields = window.getInput().getRowType().getFieldCount();
    List<RexNode> constants = new ArrayList<>();
    for (Window.RexWinAggCall call : window.groups.get(0).aggCalls) {
      for (RexNode operand : call.getOperands()) {
        if (operand instanceof RexInputRef ref && ref.getIndex() >= inputFields) {
          RexNode constant = window.constants.get(ref.getIndex() - inputFields);
          if (!constants.contains(constant)) {
            constants.add(constant);
          }
        }
      }
    }
    return constants;
  }

  /** {@code over}'s rows (input fields, constants up to field {@code extended}, aggregates) without the constants. */
  private DataStream<Row> withoutConstants(DataStream<Row> over, LogicalWindow window, int extended) {
    int inputFields = window.getInput().getRowType().getFieldCount();
    List<RexNode> projects = new ArrayList<>();
    for (RelDataTypeField field : window.getRowType().getFieldList()) {
      int source = field.getIndex() < inputFields ? field.getIndex() : extended + field.getIndex() - inputFields;
      projects.add(window.getCluster().getRexBuilder().makeInputRef(field.getType(), source));
    }
    return translator.calc(over, null, projects, window.getRowType(), "Calc");
  }

  /** The window's input type with {@code constants} appended as fields. */
  private static RelDataType withConstants(LogicalWindow window, List<RexNode> constants) {
    RelDataTypeFactory.Builder type = window.getCluster().getTypeFactory().builder()
        .addAll(window.getInput().getRowType().getFieldList());
    for (int i = 0; i < constants.size(); i++) {
      type.add("over_constant_" + i, constants.get(i).getType());
    }
    return type.uniquify().build();
  }

  /** The field the window is ordered by, which must be one ascending event-time attribute. */
  private static int orderField(Window.Group group, RelNode input) {
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    if (order.size() != 1 || TimeAttributes.kind(input, order.get(0).getFieldIndex()) == TimestampKind.REGULAR) {
      throw new ValidationException("OVER windows' ordering in stream mode must be defined on a time attribute"
          + " (a column with a WATERMARK, or PROCTIME()), not on " + (order.isEmpty() ? "nothing"
          : fieldNames(input, order.stream().mapToInt(RelFieldCollation::getFieldIndex).toArray())));
    }
    if (order.get(0).getDirection() != RelFieldCollation.Direction.ASCENDING) {
      throw new ValidationException("OVER windows can only be ordered in ASCENDING mode, not by "
          + fieldNames(input, new int[] {order.get(0).getFieldIndex()}) + " " + order.get(0).getDirection());
    }
    return order.get(0).getFieldIndex();
  }

  /** How many rows or milliseconds the frame reaches back; -1 for UNBOUNDED PRECEDING. */
  private static long preceding(Window.Group group, LogicalWindow window) {
    RexWindowBound lower = group.lowerBound;
    if (lower.isUnboundedPreceding()) {
      return -1;
    }
    if (lower.isCurrentRow()) {
      return 0;
    }
    if (!lower.isPreceding()) {
      throw new TableException("Spate SQL supports OVER windows that start before the CURRENT ROW only, not at "
          + lower);
    }
    RexNode offset = constant(lower.getOffset(), window);
    Long value = offset instanceof RexLiteral literal ? literal.getValueAs(Long.class) : null;
    if (value == null || value < 0) {
      throw new ValidationException("An OVER window's PRECEDING needs a constant, not negative, "
          + (group.isRows ? "number of rows" : "interval") + ", not " + offset);
    }
    return value;
  }

  /** {@code node}, or the constant it refers to if it is a reference to one of the window's constants. */
  private static RexNode constant(RexNode node, LogicalWindow window) {
    int inputFields = window.getInput().getRowType().getFieldCount();
    if (node instanceof RexInputRef ref && ref.getIndex() >= inputFields) {
      return window.constants.get(ref.getIndex() - inputFields);
    }
    return node;
  }

  /** The aggregate of {@code call}, reading the input's fields and then {@code constants}. */
  private static AggFunction aggFunction(Window.RexWinAggCall call, LogicalWindow window, List<RexNode> constants,
      RelDataType inputType, boolean retracts) {
    int inputFields = window.getInput().getRowType().getFieldCount();
    List<Integer> args = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (!(operand instanceof RexInputRef ref)) {
        throw new TableException("Spate SQL does not support the OVER aggregate " + call + " yet");
      }
      args.add(ref.getIndex() < inputFields ? ref.getIndex()
          : inputFields + constants.indexOf(window.constants.get(ref.getIndex() - inputFields)));
    }
    // ROW_NUMBER() is the number of rows of its frame, which runs from the partition's first row to this one.
    SqlAggFunction function = call.getOperator().getKind() == SqlKind.ROW_NUMBER ? SqlStdOperatorTable.COUNT
        : (SqlAggFunction) call.getOperator();
    AggregateCall aggregateCall = AggregateCall.create(function, call.distinct, false,
        call.ignoreNulls, args, -1, RelCollations.EMPTY, call.getType(), null);
    return StreamTranslator.aggFunction(aggregateCall, inputType, retracts);
  }

  /**
   * Whether {@code call} is a {@code ROW_NUMBER()} numbering the rows of a partition in order, as Flink runs one
   * that no filter makes a Top-N: its frame counts the rows from the partition's first to the current one.
   */
  private static boolean isRowNumber(Window.RexWinAggCall call, Window.Group group) {
    return call.getOperator().getKind() == SqlKind.ROW_NUMBER && call.getOperands().isEmpty() && group.isRows
        && group.lowerBound.isUnboundedPreceding() && group.upperBound.isCurrentRow();
  }

  private static String fieldNames(RelNode plan, int[] fields) {
    RelDataType type = plan.getRowType();
    List<String> names = new ArrayList<>();
    for (int field : fields) {
      names.add(type.getFieldNames().get(field));
    }
    return String.join(", ", names);
  }
}
