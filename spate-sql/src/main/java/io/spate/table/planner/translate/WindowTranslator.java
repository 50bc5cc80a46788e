package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.functions.UserAggSqlFunction;
import io.spate.table.planner.functions.WindowTableFunctions;
import io.spate.table.planner.nodes.Expand;
import io.spate.table.planner.nodes.GroupingSetsExpand;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.window.SessionWindowAggFunction;
import io.spate.table.runtime.operators.window.SessionWindowTableFunction;
import io.spate.table.runtime.operators.window.SliceAssigner;
import io.spate.table.runtime.operators.window.SlicingWindowAggFunction;
import io.spate.table.runtime.operators.window.WindowOutput;
import io.spate.table.runtime.operators.window.WindowSpecAssigner;
import io.spate.table.runtime.operators.window.WindowZone;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Window table functions and window aggregates that {@link StreamTranslator} hands over:
 * {@code CUMULATE} and {@code SESSION} table functions (on their own), and every aggregate grouped by a window
 * function's {@code window_start} and {@code window_end}. Such an aggregate reads each row once,
 * with its slice (or its own session window) in place of the windows it belongs to, and keeps one
 * accumulator per slice or session: overlapping {@code HOP} and {@code CUMULATE} windows share their
 * slices, merged when a window fires.
 */
final class WindowTranslator {

  private final StreamTranslator translator;

  WindowTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether {@code scan} is a window table function this class expands. */
  static boolean expands(LogicalTableFunctionScan scan) {
    if (!WindowCall.isWindowFunction(scan)) {
      return false;
    }
    SqlOperator function = WindowTableFunctions.standard(((RexCall) scan.getCall()).getOperator());
    return function == WindowTableFunctions.CUMULATE || function == WindowTableFunctions.SESSION;
  }

  /** Whether {@code aggregate} is a window aggregate this class runs with slices or sessions. */
  static boolean handles(LogicalAggregate aggregate) {
    return Shape.of(aggregate) != null;
  }

  /**
   * The rows of a {@code CUMULATE} or {@code SESSION} table function on its own: a {@code SESSION}
   * holds each partition's rows until their session closes.
   */
  DataStream<Row> tableFunction(LogicalTableFunctionScan scan) {
    WindowCall window = WindowCall.of(scan);
    RelNode inputPlan = scan.getInput(0);
    requireInserts(inputPlan, window);
    translator.requireTimeAttribute(inputPlan, window.timeField(), window.function().getName());
    translator.refuseProcessingTimeWindowRows(scan);
    DataStream<Row> input = translator.translate(inputPlan);
    RowTypeInfo rowType = StreamTranslator.rowTypeInfo(scan.getRowType());
    WindowZone zone = WallClockWindows.zone(scan, translator.zone);
    if (!window.isSession()) {
      return input.flatMap(new WindowSpecAssigner(window.timeField(), window.slices(), zone), rowType)
          .name(window.toString());
    }
    int[] keys = window.partitionKeys().stream().mapToInt(Integer::intValue).toArray();
    DataStream<Row> sessions = input.flatMap(SliceAssigner.sessions(window.timeField(), window.gap(), zone), rowType)
        .name("Session windows " + window);
    return WallClockWindows.fromWallClock(StateKeys.keyBy(WallClockWindows.toWallClock(sessions, zone),
        inputPlan.getRowType(), keys).process(new SessionWindowTableFunction(rowType, zone), rowType)
        .name(window.toString()), zone);
  }

  /** The window aggregate {@code aggregate}, which {@link #handles} accepts. */
  DataStream<Row> aggregate(LogicalAggregate aggregate) {
    Shape shape = Shape.of(aggregate);
    LogicalTableFunctionScan scan = shape.scan();
    WindowCall window = WindowCall.of(scan);
    RelNode inputPlan = scan.getInput(0);
    boolean updatingInput = !StreamTranslator.isInsertOnly(inputPlan);
    translator.requireTimeAttribute(inputPlan, window.timeField(), window.function().getName());
    boolean processingTime = TimeAttributes.isProctime(inputPlan, window.timeField());
    WindowZone zone = WallClockWindows.zone(scan, translator.zone);
    DataStream<Row> rows = translator.translate(inputPlan)
        .flatMap(window.isSession() ? SliceAssigner.sessions(window.timeField(), window.gap(), zone)
            : SliceAssigner.slices(window.timeField(), window.slices(), zone),
            StreamTranslator.rowTypeInfo(scan.getRowType()))
        .name((window.isSession() ? "Session windows " : "Slices ") + window);
    rows = WallClockWindows.toWallClock(rows, zone);
    for (RelNode node : shape.between()) {
      rows = node instanceof Expand expand ? StreamTranslator.expand(rows, expand)
          : node instanceof GroupingSetsExpand expand ? StreamTranslator.expand(rows, expand)
          : translator.calc(rows, null, ((LogicalProject) node).getProjects(), node.getRowType(), "Calc");
    }
    List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
    AggFunction[] functions = new AggFunction[aggregate.getAggCallList().size()];
    for (int i = 0; i < functions.length; i++) {
      functions[i] = StreamTranslator.aggFunction(aggregate.getAggCallList().get(i),
          aggregate.getInput().getRowType(), updatingInput);
      if (!functions[i].canMerge()) {
        if (aggregate.getAggCallList().get(i).getAggregation() instanceof UserAggSqlFunction user) {
          throw new TableException("The user aggregate " + user.function().functionIdentifier() + " runs in a window"
              + " aggregate only with a public method merge(ACC accumulator, Iterable<ACC> others), which"
              + " windows that share slices need; add one");
        }
        throw new TableException("Spate SQL cannot run " + aggregate.getAggCallList().get(i)
            + " in a window aggregate yet: its accumulators do not merge");
      }
    }
    List<Integer> keys = new ArrayList<>();
    int[] groupFields = new int[aggregate.getGroupCount()];
    int start = -1;
    int end = -1;
    int position = 0;
    for (int group : aggregate.getGroupSet()) {
      int column = shape.windowColumn(group);
      if (column == 0) {
        start = group;
        groupFields[position++] = WindowOutput.WINDOW_START;
      } else if (column == 1) {
        end = group;
        groupFields[position++] = WindowOutput.WINDOW_END;
      } else if (column == 2) {
        groupFields[position++] = WindowOutput.WINDOW_TIME;
      } else {
        groupFields[position++] = keys.size();
        keys.add(group);
      }
    }
    if (window.isSession()) {
      for (int partitionKey : window.partitionKeys()) {
        if (!keys.contains(shape.fieldOf(partitionKey))) {
          throw new ValidationException("A SESSION window aggregate must group by the window's partition keys, but it"
              + " does not group by " + inputPlan.getRowType().getFieldNames().get(partitionKey));
        }
      }
    }
    List<RowType.RowField> keyFields = new ArrayList<>();
    for (int key : keys) {
      keyFields.add(new RowType.RowField(fields.get(key).getName(),
          SpateTypeFactory.toLogicalType(fields.get(key).getType())));
    }
    int[] keyIndexes = keys.stream().mapToInt(Integer::intValue).toArray();
    WindowZone clockZone = processingTime ? WallClockWindows.clockZone(scan, translator.zone) : null;
    WindowOutput output = new WindowOutput(groupFields, window.localTime(), processingTime ? clockZone : zone);
    String name = "WindowAggregate(window=[" + window + "], groupBy=[" + String.join(", ", keyFields.stream()
        .map(RowType.RowField::getName).toList()) + "], select=" + aggregate.getAggCallList() + ")";
    DataStream<Row> windows = windowAggregate(aggregate, window, rows, keyFields, keyIndexes, start, end, functions,
        output, processingTime, clockZone, updatingInput, name);
    return WallClockWindows.fromWallClock(windows, zone);
  }

  private DataStream<Row> windowAggregate(LogicalAggregate aggregate, WindowCall window, DataStream<Row> rows,
      List<RowType.RowField> keyFields, int[] keyIndexes, int start, int end, AggFunction[] functions,
      WindowOutput output, boolean processingTime, WindowZone clockZone, boolean updatingInput, String name) {
    if (!window.isSession() && !processingTime && !updatingInput
        && TwoPhaseWindowAggregation.applies(aggregate, translator.config)) {
      return new TwoPhaseWindowAggregation(translator).translate(rows, keyIndexes, keyFields, end, window.slices(),
          functions, output, StreamTranslator.rowTypeInfo(aggregate.getRowType()), name);
    }
    return StateKeys.keyBy(rows, keyFields, keyIndexes)
        .process(window.isSession() ? (updatingInput ? SessionWindowAggFunction.overChangelog(start, end, functions,
            output, processingTime, clockZone) : processingTime ? SessionWindowAggFunction.processingTime(start, end,
            functions, output, clockZone) : new SessionWindowAggFunction(start, end, functions, output))
            : updatingInput ? SlicingWindowAggFunction.overChangelog(window.slices(), end, functions, output,
                processingTime, clockZone)
            : processingTime ? SlicingWindowAggFunction.processingTime(window.slices(), end, functions, output,
                clockZone)
            : new SlicingWindowAggFunction(window.slices(), end, functions, output),
            StreamTranslator.rowTypeInfo(aggregate.getRowType()))
        .name(name);
  }

  private static void requireInserts(RelNode input, WindowCall window) {
    if (!StreamTranslator.isInsertOnly(input)) {
      throw new TableException("The window function " + window.function().getName() + " takes only inserts, but its"
          + " input updates or deletes rows (an aggregate or outer join below it): " + RelOptUtil.toString(input).trim());
    }
  }

  /**
   * An aggregate over a window function, possibly through projections, the {@link Expand} of a split
   * distinct aggregation and the {@link GroupingSetsExpand} of grouping sets, in the form a sliced or
   * session aggregate runs: grouped by
   * {@code window_start} and {@code window_end}, with no window column used but as a group key (or
   * passed on unchanged). {@code between} holds the nodes between the window function and the
   * aggregate, the lowest first; {@code sources} tells for each aggregate input field which field of
   * the window function's output it is (-1 for a computed field).
   */
  private record Shape(LogicalTableFunctionScan scan, List<RelNode> between, int[] sources) {

    /** The shape of {@code aggregate}, or null if it is not a window aggregate of that form. */
    static Shape of(LogicalAggregate aggregate) {
      if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
        return null;
      }
      List<RelNode> between = new ArrayList<>();
      RelNode below = aggregate.getInput();
      while (below instanceof LogicalProject || below instanceof Expand || below instanceof GroupingSetsExpand) {
        between.add(0, below);
        below = below.getInput(0);
      }
      if (!(below instanceof LogicalTableFunctionScan scan) || !WindowCall.isWindowFunction(scan)
          || scan.getInputs().size() != 1) {
        return null;
      }
      int firstWindowColumn = scan.getRowType().getFieldCount() - 3;
      int[] sources = IntStream.range(0, scan.getRowType().getFieldCount()).toArray();
      for (RelNode node : between) {
        sources = node instanceof Expand expand ? expanded(expand, sources, firstWindowColumn)
            : node instanceof GroupingSetsExpand expand ? expanded(expand, sources)
            : projected((LogicalProject) node, sources, firstWindowColumn);
        if (sources == null) {
          return null;
        }
      }
      Shape shape = new Shape(scan, between, sources);
      boolean start = false;
      boolean end = false;
      for (int group : aggregate.getGroupSet()) {
        start |= shape.windowColumn(group) == 0;
        end |= shape.windowColumn(group) == 1;
      }
      for (AggregateCall call : aggregate.getAggCallList()) {
        for (int arg : call.getArgList()) {
          if (shape.windowColumn(arg) >= 0) {
            return null;
          }
        }
        if (call.filterArg >= 0 && shape.windowColumn(call.filterArg) >= 0) {
          return null;
        }
      }
      return start && end ? shape : null;
    }

    /**
     * The sources of {@code project}'s fields, whose input's are {@code sources}; null if one computes
     * with a window column.
     */
    private static int[] projected(LogicalProject project, int[] sources, int firstWindowColumn) {
      int[] projected = new int[project.getProjects().size()];
      for (int i = 0; i < projected.length; i++) {
        RexNode expression = project.getProjects().get(i);
        if (expression instanceof RexInputRef ref) {
          projected[i] = sources[ref.getIndex()];
          continue;
        }
        for (int field : RelOptUtil.InputFinder.bits(expression)) {
          if (sources[field] >= firstWindowColumn) {
            return null; // an expression of a window column: needs the row's windows, not its slice
          }
        }
        projected[i] = -1;
      }
      return projected;
    }

    /**
     * The sources of {@code expand}'s fields, whose input's are {@code sources}; null if it buckets by a
     * window column.
     */
    private static int[] expanded(Expand expand, int[] sources, int firstWindowColumn) {
      for (int[] branch : expand.branches()) {
        for (int field : branch) {
          if (sources[field] >= firstWindowColumn) {
            return null; // a bucket of a window column: a slice's value is not its windows'
          }
        }
      }
      int[] expanded = Arrays.copyOf(sources, expand.getRowType().getFieldCount());
      Arrays.fill(expanded, sources.length, expanded.length, -1);
      return expanded;
    }

    /**
     * The sources of {@code expand}'s fields, whose input's are {@code sources}: a copy of a group column is
     * computed (NULL in some sets), so none of the window's columns.
     */
    private static int[] expanded(GroupingSetsExpand expand, int[] sources) {
      int[] expanded = Arrays.copyOf(sources, expand.getRowType().getFieldCount());
      Arrays.fill(expanded, sources.length, expanded.length, -1);
      return expanded;
    }

    /** Which window column (0 start, 1 end, 2 time) aggregate input field {@code field} is; -1 for none. */
    int windowColumn(int field) {
      int firstWindowColumn = scan.getRowType().getFieldCount() - 3;
      return sources[field] >= firstWindowColumn ? sources[field] - firstWindowColumn : -1;
    }

    /** The aggregate input field that is the window function's input field {@code column}; -1 for none. */
    int fieldOf(int column) {
      for (int i = 0; i < sources.length; i++) {
        if (sources[i] == column) {
          return i;
        }
      }
      return -1;
    }
  }
}
