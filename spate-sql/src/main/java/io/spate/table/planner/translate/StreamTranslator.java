package io.spate.table.planner.translate;

import io.spate.table.planner.nodes.Expand;
import io.spate.table.runtime.operators.aggregate.ExpandFunction;
import io.spate.table.planner.nodes.GroupingSetsExpand;
import io.spate.table.runtime.operators.aggregate.GroupingSetsExpandFunction;
import io.spate.api.annotation.Internal;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.api.config.OptimizerConfigOptions;
import io.spate.table.api.config.TableConfigOptions;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.SourceProvider;
import io.spate.table.connector.source.abilities.SupportsFilterPushDown;
import io.spate.table.connector.source.abilities.SupportsProjectionPushDown;
import io.spate.table.expressions.ResolvedExpression;
import io.spate.table.connector.source.abilities.SupportsWatermarkPushDown;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.planner.nodes.ChangelogNormalize;
import io.spate.table.planner.codegen.ExprCompiler;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.operators.RowtimeWatermarks;
import io.spate.table.api.config.CodegenOptions;
import io.spate.table.planner.codegen.CalcCodeGenerator;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedClasses;
import io.spate.table.runtime.generated.GeneratedExpr;
import org.apache.calcite.rex.RexUtil;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.table.planner.codegen.ValueTypes;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.keys.SqlKeyTypeInfo;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.AggFunctions;
import io.spate.table.runtime.operators.aggregate.DistinctAggFunction;
import io.spate.table.runtime.operators.aggregate.MiniBatchGroupAggOperator;
import io.spate.table.runtime.operators.aggregate.GroupAggFunction;
import io.spate.table.runtime.operators.window.WindowAggFunction;
import io.spate.table.runtime.operators.join.JoinFunction;
import io.spate.table.types.logical.LogicalType;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import io.spate.table.runtime.operators.window.WindowAssigner;
import io.spate.table.runtime.operators.window.WindowZone;
import io.spate.table.planner.functions.UserAggSqlFunction;
import io.spate.table.planner.functions.WindowTableFunctions;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlKind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Builds the DataStream job of a relational plan: table scans become the tables' sources (with their
 * computed columns and watermarks), projections and filters become calc steps, unions unions. A plan
 * node it cannot run yet fails naming the node.
 */
@Internal
public final class StreamTranslator {

  private final StreamExecutionEnvironment env;
  private final SqlPlanner planner;
  final ReadableConfig config;
  final ClassLoader classLoader;
  // The session's time zone, in which windows over TIMESTAMP_LTZ time columns are aligned.
  final ZoneId zone;
  final ExprCompiler compiler;
  private final Map<ObjectIdentifier, DataStream<Row>> dataStreams;
  private final ChangelogInference changelog = new ChangelogInference(this::scanMode);
  private int sources;
  private final SharedScans sharedScans = new SharedScans();
  private ReadFields readFields = ReadFields.none();
  private final Map<SourceRows, DataStream<Row>> tableRows = new IdentityHashMap<>();
  private final ReusedWindowAggregates reusedWindowAggregates = new ReusedWindowAggregates();

  /**
   * A translator into {@code env}'s job, with the session's {@code config} and local time zone;
   * {@code dataStreams} are the tables that are DataStreams of a program ({@code fromDataStream}).
   */
  public StreamTranslator(StreamExecutionEnvironment env, SqlPlanner planner, ReadableConfig config, ZoneId zone,
      ClassLoader classLoader, Map<ObjectIdentifier, DataStream<Row>> dataStreams) {
    this.env = env;
    this.dataStreams = dataStreams;
    this.planner = planner;
    this.config = config;
    this.classLoader = classLoader;
    this.compiler = new ExprCompiler(planner.rexBuilder(), zone);
    this.zone = zone;
    changelog.inBatchMode(env.getConfiguration().get(CoreOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH);
  }

  /** The stream of {@code plan}'s rows. */
  public DataStream<Row> translate(RelNode plan) {
    if (plan instanceof TableScan scan) {
      return tableRows(scan);
    }
    if (plan instanceof ChangelogNormalize normalize) {
      return ChangelogNormalizeTranslator.translate(this, normalize);
    }
    if (RankTranslator.matches(plan)) {
      return new RankTranslator(this).translate(plan);
    }
    if (plan instanceof LogicalProject project && project.getInput() instanceof LogicalFilter filter) {
      // One step filters and projects: no operator and no call per row between them.
      return calcOver(filter.getInput(), filter.getCondition(), project.getProjects(), project.getRowType());
    }
    RelNode narrowed = narrowedJoin(plan);
    if (narrowed != null) {
      return translate(narrowed);
    }
    if (plan instanceof LogicalProject project) {
      return calcOver(project.getInput(), null, project.getProjects(), project.getRowType());
    }
    if (plan instanceof LogicalFilter filter) {
      return calcOver(filter.getInput(), filter.getCondition(), null, filter.getRowType());
    }
    if (plan instanceof LogicalCalc calc) {
      RexProgram program = calc.getProgram();
      RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
      List<RexNode> projects = new ArrayList<>();
      for (RexLocalRef ref : program.getProjectList()) {
        projects.add(program.expandLocalRef(ref));
      }
      return calcOver(calc.getInput(), condition, projects, calc.getRowType());
    }
    if (SetOperationTranslator.handles(plan)) {
      return SetOperationTranslator.translate(this, plan);
    }
    if (plan instanceof LogicalUnion union) {
      if (!union.all) {
        throw new TableException("Spate SQL does not support UNION (with duplicate removal) yet; UNION ALL works");
      }
      DataStream<Row> first = translate(union.getInput(0));
      List<DataStream<Row>> others = new ArrayList<>();
      for (int i = 1; i < union.getInputs().size(); i++) {
        others.add(translate(union.getInput(i)));
      }
      @SuppressWarnings("unchecked")
      DataStream<Row>[] rest = others.toArray(new DataStream[0]);
      return first.union(rest);
    }
    if (plan instanceof LogicalValues values) {
      return values(values);
    }
    if (plan instanceof io.spate.table.planner.nodes.GroupTableAggregate tableAggregate) {
      return TableAggregateTranslator.translate(this, tableAggregate);
    }
    if (plan instanceof Expand expand) {
      return expand(translate(expand.getInput()), expand);
    }
    if (plan instanceof GroupingSetsExpand expand) {
      return expand(translate(expand.getInput()), expand);
    }
    if (plan instanceof LogicalAggregate aggregate && WindowTranslator.handles(aggregate)) {
      return reusedWindowAggregates.aggregate(aggregate, config, () -> new WindowTranslator(this).aggregate(aggregate));
    }
    if (plan instanceof LogicalAggregate aggregate && TwoPhaseAggregation.applies(aggregate, config)) {
      return new TwoPhaseAggregation(this).translate(aggregate);
    }
    if (plan instanceof LogicalAggregate aggregate) {
      return aggregate(aggregate);
    }
    if (plan instanceof LogicalTableFunctionScan functionScan && WindowTranslator.expands(functionScan)) {
      return new WindowTranslator(this).tableFunction(functionScan);
    }
    if (plan instanceof LogicalTableFunctionScan functionScan) {
      return windowTableFunction(functionScan);
    }
    if (plan instanceof LogicalJoin join && AppendOnlyJoinTranslator.handles(join, changelog)) {
      return new AppendOnlyJoinTranslator(this).translate(join);
    }
    if (plan instanceof LogicalJoin join) {
      return join(join);
    }
    if (plan instanceof LogicalCorrelate correlate && CorrelateTranslator.isTableFunction(correlate)) {
      return CorrelateTranslator.translate(this, correlate);
    }
    if (plan instanceof LogicalCorrelate correlate && UnnestTranslator.isUnnest(correlate)) {
      return UnnestTranslator.translate(this, correlate);
    }
    if (plan instanceof org.apache.calcite.rel.logical.LogicalWindow window) {
      return new OverTranslator(this).translate(window);
    }
    if (plan instanceof org.apache.calcite.rel.logical.LogicalCorrelate correlate) {
      return new TemporalJoinTranslator(this).translate(correlate);
    }
    if (plan instanceof LookupJoin lookupJoin) {
      return new LookupJoinTranslator(this).translate(lookupJoin);
    }
    if (plan instanceof org.apache.calcite.rel.core.Sort sort) {
      return new SortTranslator(this).translate(sort);
    }
    throw new TableException("Spate SQL cannot run this part of the query yet: " + plan.getRelTypeName()
        + " (" + plan.explain().trim() + ")");
  }

  /** {@code input}'s rows expanded as {@code expand} says (the rows below a split distinct aggregation). */
  static DataStream<Row> expand(DataStream<Row> input, Expand expand) {
    return input.flatMap(new ExpandFunction(expand.branches().toArray(new int[0][]), expand.bucketNum()),
        rowTypeInfo(expand.getRowType())).name(PlanNodeNames.describe(expand));
  }

  /** {@code input}'s rows once per grouping set of {@code expand} (the rows below a GROUPING SETS aggregate). */
  static DataStream<Row> expand(DataStream<Row> input, GroupingSetsExpand expand) {
    return input.flatMap(new GroupingSetsExpandFunction(expand.copied(), expand.keeps(), expand.ids()),
        rowTypeInfo(expand.getRowType())).name(PlanNodeNames.describe(expand));
  }

  /**
   * The calc of {@code condition} and {@code projects} (either may be null) over {@code input}'s rows; over
   * a table whose computed columns its readers evaluate ({@link SourceRows}), straight over the source's
   * rows, with the computed columns' expressions in place of their references.
   */
  private DataStream<Row> calcOver(RelNode input, RexNode condition, List<RexNode> projects, RelDataType rowType) {
    if (input instanceof LogicalCorrelate correlate && CorrelateTranslator.isTableFunction(correlate)) {
      return CorrelateTranslator.translate(this, correlate, condition, projects, rowType);
    }
    if (input instanceof TableScan scan) {
      SourceRows source = sourceRows(scan);
      if (source.computedByReaders()) {
        RexNode sourceCondition = condition == null ? null : source.overRows(condition);
        List<RexNode> sourceProjects = source.overRows(projects != null ? projects : identity(scan.getRowType()));
        // Where the generated code would hand a computed column's expression to the interpreter, the
        // interpreter would evaluate it again there: the table's rows, with the column computed once, are cheaper.
        if (CalcCodeGenerator.interpretedParts(compiler, sourceCondition, sourceProjects, source.computedColumns())
            .stream().noneMatch(source::computes)) {
          return calc(source.rows(), sourceCondition, sourceProjects, rowType, "Calc", source.computedColumns());
        }
      }
    }
    return calc(translate(input), condition, projects, rowType, "Calc");
  }

  private List<RexNode> identity(RelDataType rowType) {
    List<RexNode> fields = new ArrayList<>();
    for (int i = 0; i < rowType.getFieldCount(); i++) {
      fields.add(planner.rexBuilder().makeInputRef(rowType, i));
    }
    return fields;
  }

  DataStream<Row> calc(DataStream<Row> input, RexNode condition, List<RexNode> projects, RelDataType rowType,
      String name) {
    return calc(input, condition, projects, rowType, name, Set.of());
  }

  private DataStream<Row> calc(DataStream<Row> input, RexNode condition, List<RexNode> projects,
      RelDataType rowType, String name, Set<RexNode> computedColumns) {
    Expr compiledCondition = condition == null ? null : compiler.compile(condition);
    List<Expr> compiledProjects = projects == null ? null : compiler.compileAll(projects);
    RowTypeInfo type = rowTypeInfo(rowType);
    List<RexNode> expressions = new ArrayList<>();
    if (condition != null) {
      expressions.add(condition);
    }
    if (projects != null) {
      expressions.addAll(projects);
    }
    return input.flatMap(CalcFunctions.of(config, compiler, classLoader, condition, projects, compiledCondition,
        compiledProjects, compiler.userFunctionsOf(expressions), computedColumns, name), type).name(name);
  }

  /**
   * Whether {@code plan} produces only inserts, taking every table it reads as insert-only; a
   * {@code GROUP BY} produces updates, and so does anything above one.
   */
  public static boolean isInsertOnly(RelNode plan) {
    return ChangelogInference.insertOnlySources().isInsertOnly(plan);
  }

  /** The changes {@code plan} emits, with what its tables' sources produce. */
  public ChangelogMode changelogMode(RelNode plan) {
    return changelog.modeOf(plan);
  }

  /** The changes of every node of this translator's plans. */
  public ChangelogInference changelog() {
    return changelog;
  }

  private ChangelogMode scanMode(TableScan scan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      return ChangelogMode.insertOnly();
    }
    if (dataStreams.containsKey(table.getIdentifier())) {
      return DataStreamTableSource.changelogMode(table);
    }
    return FactoryUtil.createDynamicTableSource(context(table)) instanceof ScanTableSource source
        ? source.getChangelogMode() : ChangelogMode.insertOnly();
  }

  private DataStream<Row> aggregate(LogicalAggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      // GroupingSetsRewrite expands them before translation.
      throw new TableException("Spate SQL cannot run this aggregate of grouping sets unexpanded: " + aggregate);
    }
    RelNode inputPlan = aggregate.getInput();
    DataStream<Row> input = translate(inputPlan);
    boolean retract = !changelog.isInsertOnly(inputPlan);
    int windowEnd = windowEndField(aggregate);
    if (windowEnd >= 0 && retract) {
      throw new TableException("Spate SQL does not support a window aggregate over an updating input yet");
    }
    RelDataType inputType = inputPlan.getRowType();
    int[] keys = aggregate.getGroupSet().toArray();
    AggFunction[] functions = new AggFunction[aggregate.getAggCallList().size()];
    for (int i = 0; i < functions.length; i++) {
      functions[i] = aggFunction(aggregate.getAggCallList().get(i), inputType, retract);
    }
    String name = PlanNodeNames.describe(aggregate);
    if (windowEnd >= 0 && WindowColumns.onProcessingTime(inputPlan, windowEnd)) {
      // A window aggregate over a processing-time window aggregate's windows: they close on the clock too.
      return StateKeys.keyBy(input, inputType, keys).process(WindowAggFunction.processingTime(windowEnd, functions,
          new WindowZone(zone)), rowTypeInfo(aggregate.getRowType())).name("Window" + name);
    }
    if (windowEnd >= 0) {
      WindowZone windowZone = WindowColumns.zone(inputPlan, windowEnd, zone);
      return WallClockWindows.fromWallClock(StateKeys.keyBy(WallClockWindows.toWallClock(input, windowZone),
          inputType, keys).process(new WindowAggFunction(windowEnd, functions), rowTypeInfo(aggregate.getRowType()))
          .name("Window" + name), windowZone);
    }
    functions = SharedDistinctCounts.share(aggregate.getAggCallList(), functions, inputType, !retract);
    if (config.get(TableConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED)) {
      return StateKeys.keyBy(input, inputType, keys).transform("MiniBatch" + name,
          rowTypeInfo(aggregate.getRowType()), new MiniBatchGroupAggOperator(keys, functions, stateRetentionMillis(),
              miniBatchLatencyMillis(), miniBatchSize()));
    }
    return StateKeys.keyBy(input, inputType, keys)
        .process(new GroupAggFunction(keys, functions, stateRetentionMillis()), rowTypeInfo(aggregate.getRowType()))
        .name(name);
  }

  /**
   * The field of {@code aggregate}'s input that is a window table function's {@code window_end}, if the
   * aggregate groups by it and by {@code window_start} (a window aggregate, which emits each group once
   * when its window closes); -1 if it is a plain aggregate.
   */
  static int windowEndField(LogicalAggregate aggregate) {
    return WindowColumns.windowEnd(aggregate.getInput(), aggregate.getGroupSet().toArray());
  }


  private static boolean isWindowFunction(LogicalTableFunctionScan scan) {
    return scan.getCall() instanceof RexCall call
        && (WindowTableFunctions.standard(call.getOperator()) == WindowTableFunctions.TUMBLE
        || WindowTableFunctions.standard(call.getOperator()) == WindowTableFunctions.HOP || WindowTranslator.expands(scan));
  }

  private DataStream<Row> join(LogicalJoin join) {
    if (JoinTranslators.handles(join)) {
      return JoinTranslators.translate(this, join);
    }
    JoinRelType type = join.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT
        && type != JoinRelType.FULL) {
      throw new TableException("Spate SQL does not support " + type + " joins (from IN or EXISTS subqueries) yet");
    }
    JoinInfo info = join.analyzeCondition();
    RelDataType leftType = join.getLeft().getRowType();
    RelDataType rightType = join.getRight().getRowType();
    List<LogicalType> keyTypes = new ArrayList<>();
    for (int i = 0; i < info.leftKeys.size(); i++) {
      RelDataTypeField leftField = leftType.getFieldList().get(info.leftKeys.get(i));
      RelDataTypeField rightField = rightType.getFieldList().get(info.rightKeys.get(i));
      LogicalType leftKey = SpateTypeFactory.toLogicalType(leftField.getType()).copy(true);
      LogicalType rightKey = SpateTypeFactory.toLogicalType(rightField.getType()).copy(true);
      if (!leftKey.equals(rightKey)) {
        throw new TableException("Spate SQL does not join keys of different types yet: " + leftField.getName() + " ("
            + leftKey.asSummaryString() + ") = " + rightField.getName() + " (" + rightKey.asSummaryString()
            + "); CAST one side");
      }
      keyTypes.add(leftKey);
    }
    RexNode remaining = info.getRemaining(planner.rexBuilder());
    String name = PlanNodeNames.describe(join);
    JoinConditionCode condition = remaining.isAlwaysTrue() ? null : JoinConditions.of(config, compiler, classLoader,
        remaining, leftType.getFieldCount(), name);
    DataStream<Row> left = translate(join.getLeft());
    DataStream<Row> right = translate(join.getRight());
    RowTypeInfo leftInfo = rowTypeInfo(leftType);
    RowTypeInfo rightInfo = rowTypeInfo(rightType);
    boolean leftOuter = type == JoinRelType.LEFT || type == JoinRelType.FULL;
    boolean rightOuter = type == JoinRelType.RIGHT || type == JoinRelType.FULL;
    return left.connect(right)
        .keyBy(SqlKeySelector.of(info.leftKeys.toIntArray(), keyTypes),
            SqlKeySelector.of(info.rightKeys.toIntArray(), keyTypes), SqlKeyTypeInfo.of(keyTypes))
        .process(new JoinFunction(leftInfo, rightInfo, condition, leftOuter, rightOuter, stateRetentionMillis(),
            nullExcludingKeys(info.leftKeys, info), nullExcludingKeys(info.rightKeys, info)),
            rowTypeInfo(join.getRowType()))
        .name(name);
  }

  /** Those of {@code keys} that the join compares with {@code =} (not IS NOT DISTINCT FROM): a NULL there matches nothing. */
  private static int[] nullExcludingKeys(List<Integer> keys, JoinInfo info) {
    return IntStream.range(0, keys.size()).filter(i -> info.nullExclusionFlags.get(i)).map(keys::get).toArray();
  }

  private DataStream<Row> windowTableFunction(LogicalTableFunctionScan scan) {
    if (!isWindowFunction(scan) || scan.getInputs().size() != 1) {
      throw new TableException("Spate SQL does not support the table function " + scan.getCall() + " yet");
    }
    RexCall call = (RexCall) scan.getCall();
    List<RexNode> operands = call.getOperands();
    RexNode descriptor = operands.get(0);
    if (!(descriptor instanceof RexCall d) || d.getOperands().size() != 1
        || !(d.getOperands().get(0) instanceof RexInputRef timeRef)) {
      throw new TableException("The window function " + call + " needs DESCRIPTOR(one time column)");
    }
    boolean hop = WindowTableFunctions.standard(call.getOperator()) == WindowTableFunctions.HOP;
    long slide = intervalMillis(operands.get(1), call);
    long size = hop ? intervalMillis(operands.get(2), call) : slide;
    int offsetOperand = hop ? 3 : 2;
    long offset = operands.size() > offsetOperand ? intervalMillis(operands.get(offsetOperand), call) : 0;
    if (hop && size % slide != 0) {
      throw new ValidationException("HOP's size (" + size + " ms) must be a multiple of its slide (" + slide + " ms), as"
          + " in Flink");
    }
    requireTimeAttribute(scan.getInput(0), timeRef.getIndex(), call.getOperator().getName());
    refuseProcessingTimeWindowRows(scan);
    DataStream<Row> input = translate(scan.getInput(0));
    WindowZone windowZone = WallClockWindows.zone(scan, zone);
    // Processing time reaches here only in batch mode, aligned on the session zone's clock as in streaming.
    return input.flatMap(new WindowAssigner(timeRef.getIndex(), size, slide, offset,
            windowZone != null ? windowZone : WallClockWindows.clockZone(scan, zone)), rowTypeInfo(scan.getRowType()))
        .name(call.getOperator().getName() + "(size=" + size + " ms" + (hop ? ", slide=" + slide + " ms" : "") + ")");
  }

  /**
   * Rejects, in streaming mode and as Flink does, the rows of the window function {@code scan} over a
   * processing-time attribute when anything but a window aggregate grouping by their {@code window_start} and
   * {@code window_end} takes them (their rows on their own, a window column in an aggregate's arguments, a
   * regular aggregate): only such an aggregate closes processing-time windows, on the clock.
   */
  void refuseProcessingTimeWindowRows(LogicalTableFunctionScan scan) {
    WindowCall window = WindowCall.of(scan);
    RelNode input = scan.getInput(0);
    if (env.getConfiguration().get(CoreOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH
        && TimeAttributes.isProctime(input, window.timeField())) {
      throw new TableException("Processing time Window TableFunction is not supported yet: the rows of "
          + window.function().getName() + " over the processing-time attribute '"
          + input.getRowType().getFieldNames().get(window.timeField()) + "' can only go into a window aggregate that"
          + " groups by window_start and window_end and aggregates no window column");
    }
  }

  /**
   * Rejects, in streaming mode, a window function whose DESCRIPTOR names a column of {@code input} that is
   * no time attribute, as Flink does: only a watermark (or PROCTIME()) says when a window is complete.
   * Batch mode windows any timestamp column.
   */
  void requireTimeAttribute(RelNode input, int timeField, String function) {
    if (env.getConfiguration().get(CoreOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH
        || TimeAttributes.kind(input, timeField) != TimestampKind.REGULAR) {
      return;
    }
    RelDataTypeField field = input.getRowType().getFieldList().get(timeField);
    throw new ValidationException("The window function " + function + " needs a time attribute in its DESCRIPTOR,"
        + " but " + field.getName() + " is a plain " + field.getType() + ": declare a WATERMARK FOR "
        + field.getName() + " in its table, compute the column as PROCTIME(), or run the query in batch mode");
  }

  private static long intervalMillis(RexNode node, RexCall call) {
    if (node instanceof RexLiteral literal && literal.getValueAs(Long.class) != null) {
      return literal.getValueAs(Long.class);
    }
    throw new ValidationException("The window function " + call + " needs a constant interval, not " + node);
  }

  static AggFunction aggFunction(AggregateCall call, RelDataType inputType, boolean retract) {
    if (call.getAggregation() instanceof SplitDistinctAggregation.AvgMerge) {
      return AggFunctions.avgOfPartials(call.getArgList().get(0), call.getArgList().get(1),
          ValueTypes.of(call.getType()));
    }
    if (call.isDistinct() && (call.getAggregation().getKind() != SqlKind.COUNT || call.getArgList().size() > 1
        || call.getAggregation() instanceof UserAggSqlFunction)) {
      return distinctAggFunction(call, inputType, retract);
    }
    if (call.getAggregation() instanceof UserAggSqlFunction user) {
      return UserAggregates.of(user, call, inputType, retract);
    }
    if (JsonAggregates.handles(call)) {
      return JsonAggregates.of(call, inputType);
    }
    if (CollectingAggregates.handles(call)) {
      return CollectingAggregates.of(call, inputType, retract);
    }
    int field = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
    int filter = call.filterArg;
    ValueType resultType = ValueTypes.of(call.getType());
    TypeInformation<?> valueInfo = field < 0 ? null
        : TypeInfos.of(SpateTypeFactory.toLogicalType(inputType.getFieldList().get(field).getType()));
    SqlKind kind = call.getAggregation().getKind();
    if (call.getArgList().size() > 1) {
      throw new TableException("Spate SQL does not support the aggregate " + call + " yet");
    }
    switch (kind) {
      case COUNT:
        return call.isDistinct() ? AggFunctions.countDistinct(field, filter, valueInfo)
            : AggFunctions.count(field, filter);
      case SUM:
        return AggFunctions.sum(field, filter, resultType, TypeInfos.of(SpateTypeFactory.toLogicalType(call.getType())),
            false);
      case SUM0:
        return AggFunctions.sum(field, filter, resultType, TypeInfos.of(SpateTypeFactory.toLogicalType(call.getType())),
            true);
      case AVG:
        return AggFunctions.avg(field, filter, resultType);
      case MIN:
        return AggFunctions.minOrMax(field, filter, false, retract, valueInfo);
      case MAX:
        return AggFunctions.minOrMax(field, filter, true, retract, valueInfo);
      default:
        throw new TableException("Spate SQL does not support the aggregate function " + call.getAggregation().getName()
            + " yet");
    }
  }

  /** {@code AGG(DISTINCT ...)}: the aggregate without DISTINCT and filter, over the distinct argument values. */
  private static AggFunction distinctAggFunction(AggregateCall call, RelDataType inputType, boolean retract) {
    int[] fields = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
    AggregateCall plain = call.withDistinct(false).withFilter(-1);
    // COUNT(DISTINCT a, b) counts the distinct non-NULL tuples: one count per tuple that enters.
    AggFunction inner = call.getAggregation().getKind() == SqlKind.COUNT && fields.length > 1
        && !(call.getAggregation() instanceof UserAggSqlFunction)
        ? AggFunctions.count(-1, -1) : aggFunction(plain, inputType, retract);
    TypeInformation<?>[] types = new TypeInformation<?>[fields.length];
    for (int i = 0; i < fields.length; i++) {
      types[i] = TypeInfos.of(SpateTypeFactory.toLogicalType(inputType.getFieldList().get(fields[i]).getType()));
    }
    return new DistinctAggFunction(inner, fields, call.filterArg, fields.length == 1 ? types[0] : new RowTypeInfo(types));
  }

  private DataStream<Row> values(LogicalValues values) {
    List<Row> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      Row row = new Row(tuple.size());
      for (int i = 0; i < tuple.size(); i++) {
        row.setField(i, compiler.compile(tuple.get(i)).eval(row));
      }
      rows.add(row);
    }
    return env.fromData(rows, rowTypeInfo(values.getRowType())).name("Values");
  }

  private SourceRows sourceRows(TableScan scan) {
    return sharedScans.scan(scan, readFields.of(scan), this::scan);
  }

  /** The rows of {@code scan}'s table with all its columns; made once per table however many steps read them. */
  private DataStream<Row> tableRows(TableScan scan) {
    SourceRows source = sourceRows(scan);
    if (!source.computedByReaders()) {
      return source.rows();
    }
    return tableRows.computeIfAbsent(source, s -> calc(s.rows(), null, s.columns(), scan.getRowType(),
        "Computed columns of " + scan.getTable().unwrap(CatalogTable.class).getIdentifier().getObjectName()));
  }

  /** The source of {@code table}: a program's DataStream, or what its connector's factory makes. */
  private ScanTableSource scanSource(CatalogTable table) {
    ObjectIdentifier id = table.getIdentifier();
    DataStream<Row> program = dataStreams.get(id);
    if (program != null) {
      program = ProgramStreams.inJobOf(env, program);
    }
    DynamicTableSource source = program != null ? DataStreamTableSource.reading(table, program)
        : FactoryUtil.createDynamicTableSource(context(table));
    if (!(source instanceof ScanTableSource scanSource)) {
      throw new ValidationException("The connector of table " + id.asSummaryString() + " (" + source.asSummaryString()
          + ") cannot be scanned");
    }
    return scanSource;
  }

  /** Each of {@code table}'s columns as an expression over its source's rows, of type {@code physicalType}. */
  private List<RexNode> columnsOverSource(CatalogTable table, RelDataType physicalType, RelDataType fullType) {
    List<RexNode> columns = new ArrayList<>();
    int physicalIndex = 0;
    int metadataIndex = table.getPhysicalRowType().getFieldCount();
    for (Column column : table.getColumns()) {
      if (column instanceof Column.ComputedColumn c) {
        columns.add(planner.toRex(new SqlText(c.expression(), 1, 1), physicalType));
      } else {
        // Of the column's type in the table's rows, which the readers' expressions (their field accesses) expect.
        columns.add(new RexInputRef(column.isPhysical() ? physicalIndex++ : metadataIndex++,
            fullType.getFieldList().get(columns.size()).getType()));
      }
    }
    return columns;
  }

  /**
   * The physical fields {@code source} is to give, if it can leave fields out and the job reads fewer
   * than all: the fields of the columns {@link ReadFields} found, of the table's rowtime and watermark,
   * and of every computed column.
   */
  private int[][] pushedProjection(TableScan scan, CatalogTable table, ScanTableSource source, List<RexNode> columns) {
    Set<List<Integer>> read = readFields.of(scan);
    if (read == null || !(source instanceof SupportsProjectionPushDown pushDown)
        || !config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_SPATE_PROJECTION_PUSHDOWN_ENABLED)) {
      return null;
    }
    Set<List<Integer>> needed = new HashSet<>(read);
    RelDataType fullType = scan.getRowType();
    if (table.getWatermarkSpec() != null) {
      needed.add(List.of(fullType.getFieldNames().indexOf(table.getWatermarkSpec().rowtimeAttribute())));
      needed.addAll(ReadFields.fieldsOf(List.of(planner.toRex(new SqlText(table.getWatermarkSpec().expression(), 1, 1),
          fullType))));
    }
    // A step that makes the table's rows computes every computed column, read or not, and one computed
    // from NULLs in place of its fields' values could fail; readers may need such a step (see calcOver).
    for (int i = 0; i < columns.size(); i++) {
      if (!(columns.get(i) instanceof RexInputRef)) {
        needed.add(List.of(i));
      }
    }
    return SourceProjection.of(needed, columns, table.getPhysicalRowType().getFieldCount(),
        pushDown.supportsNestedProjection());
  }

  /**
   * Makes the sources of the tables that {@code plans} scan leave out the fields the plans do not read,
   * where they can; {@code plans} are all that this translator translates into its job (a scan of
   * another plan reads every field of its own source).
   */
  public void pushProjections(List<RelNode> plans) {
    readFields = ReadFields.of(plans, this::narrowedJoin);
  }

  /**
   * {@code plan} as translated if it is a projection over an inner join of insert-only inputs whose
   * inputs it narrows to the columns read ({@link JoinInputPruning}); else null. The sources then make
   * only those columns too, since {@link ReadFields} reads the plan through this.
   */
  private RelNode narrowedJoin(RelNode plan) {
    if (plan instanceof LogicalProject project && project.getInput() instanceof LogicalJoin join
        && AppendOnlyJoinTranslator.handles(join, changelog)) {
      return JoinInputPruning.prune(project, join);
    }
    return null;
  }

  /**
   * What the source of {@code scan}, one of the plans given to {@link #pushProjections}, was asked to do,
   * as {@code EXPLAIN} shows it in the scan's brackets: the filters it accepted ({@code filter}), the
   * fields it gives if fewer than all ({@code project}: {@code event_type, bid.price}), and the watermark
   * clause it applies in its reader ({@code watermark}). Empty if none.
   */
  public Map<String, String> pushedIntoSource(TableScan scan) {
    Map<String, String> pushed = new LinkedHashMap<>();
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null || DataStreamTableSource.isDataStreamTable(table)) {
      return pushed;
    }
    ScanTableSource source = scanSource(table);
    SourceLayout layout = layout(scan, table, source);
    if (!layout.filters().isEmpty()) {
      pushed.put("filter", layout.filters().stream().map(ResolvedExpression::asSummaryString)
          .collect(Collectors.joining(", ")));
    }
    if (layout.projection() != null) {
      pushed.put("project", SourceProjection.describe(layout.projection(), table.getPhysicalRowType()));
    }
    if (pushesWatermark(table, source, layout)) {
      pushed.put("watermark", table.getWatermarkSpec().rowtimeAttribute() + ", "
          + table.getWatermarkSpec().expression());
    }
    return pushed;
  }

  private SourceRows scan(TableScan scan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      throw new TableException("Spate SQL cannot scan " + scan.getTable().getQualifiedName());
    }
    ObjectIdentifier id = table.getIdentifier();
    ScanTableSource scanSource = scanSource(table);
    String name = "Source: " + id.getObjectName() + "[" + (++sources) + "]";
    RelDataType fullType = scan.getRowType();
    SourceLayout layout = layout(scan, table, scanSource);
    List<RexNode> columns = layout.columns();
    RelDataType physicalType = planner.typeFactory().createFieldTypeFromLogicalType(layout.producedType());
    boolean computed = layout.computed();
    boolean computedByReaders = computedByReaders(layout);
    WatermarkStrategy<Row> watermarks = table.getWatermarkSpec() == null
        || DataStreamTableSource.keepsSourceWatermarks(table, scanSource) ? null
        : watermarkStrategy(table, fullType, computedByReaders || !computed ? columns : identity(fullType));
    boolean pushWatermarks = watermarks != null && pushesWatermark(table, scanSource, layout);
    if (pushWatermarks) {
      ((SupportsWatermarkPushDown) scanSource).applyWatermark(watermarks);
    }
    ScanTableSource.ScanRuntimeProvider provider = scanSource.getScanRuntimeProvider(new ScanTableSource.ScanContext() {});
    RowTypeInfo physicalInfo = rowTypeInfo(physicalType);
    DataStream<Row> physical;
    if (provider instanceof SourceProvider sourceProvider) {
      physical = env.fromSource(sourceProvider.createSource(), pushWatermarks ? watermarks : WatermarkStrategy.noWatermarks(),
          name, physicalInfo);
    } else if (provider instanceof ScanTableSource.DataStreamScanProvider streamProvider) {
      physical = streamProvider.produceDataStream(env, name);
    } else {
      throw new TableException("Unknown scan provider " + provider.getClass().getName() + " of table "
          + id.asSummaryString());
    }
    SourceRows rows = computedByReaders ? new SourceRows(physical, columns, true)
        : new SourceRows(computed ? calc(physical, null, columns, fullType, "Computed columns of " + id.getObjectName())
            : physical, identity(fullType), false);
    if (watermarks == null || pushWatermarks) {
      return rows;
    }
    return new SourceRows(rows.rows().assignTimestampsAndWatermarks(watermarks).name("Watermarks of " + id.getObjectName()),
        rows.columns(), rows.computedByReaders());
  }

  /**
   * How a table's source gives its rows: the fields it was asked for ({@code projection}, null: all
   * physical fields) and then its metadata columns ({@code producedType}), with the table's columns as
   * expressions over those rows. They are not the table's rows if {@code computed}: the table has
   * computed or metadata columns, or the source gives only the fields read.
   */
  private record SourceLayout(int[][] projection, RowType producedType, List<RexNode> columns, boolean computed,
      List<ResolvedExpression> filters) {}

  /**
   * Offers {@code source} the filters of {@code table}'s readers in {@code scan}'s job, then asks it for
   * the fields they read, and its metadata columns.
   */
  private SourceLayout layout(TableScan scan, CatalogTable table, ScanTableSource source) {
    RelDataType allFields = planner.typeFactory().createFieldTypeFromLogicalType(ReadableMetadata.allFields(table));
    List<RexNode> columns = columnsOverSource(table, allFields, scan.getRowType());
    List<ResolvedExpression> filters = pushedFilters(scan, table, source, columns);
    int[][] projection = pushedProjection(scan, table, source, columns);
    RowType physical = table.getPhysicalRowType();
    if (projection != null) {
      Set<String> names = new HashSet<>(scan.getRowType().getFieldNames());
      physical = SourceProjection.producedType(projection, table.getPhysicalRowType(), names);
      ((SupportsProjectionPushDown) source).applyProjection(projection, TypeConversions.fromLogicalToDataType(physical));
      columns = SourceProjection.overProjectedRows(columns, projection, table.getPhysicalRowType().getFieldCount(),
          planner.rexBuilder());
    }
    RowType produced = ReadableMetadata.apply(table, source, physical);
    boolean computed = projection != null || table.getColumns().stream().anyMatch(c -> !c.isPhysical());
    return new SourceLayout(projection, produced, columns, computed, filters);
  }

  /** The filters {@code source} accepted of those its readers in {@code scan}'s job apply; empty if none. */
  private List<ResolvedExpression> pushedFilters(TableScan scan, CatalogTable table, ScanTableSource source,
      List<RexNode> columns) {
    List<RexNode> conditions = readFields.conditionsOf(scan);
    if (conditions == null || !(source instanceof SupportsFilterPushDown filtering)
        || !config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_SOURCE_PREDICATE_PUSHDOWN_ENABLED)) {
      return List.of();
    }
    List<ResolvedExpression> filters = new SourceFilters(columns, table.getPhysicalRowType(), planner.rexBuilder())
        .of(conditions);
    // Every reader applies its own condition after the source, so what the source accepts only saves work.
    return filters.isEmpty() ? List.of() : filtering.applyFilters(filters).getAcceptedFilters();
  }

  /**
   * Whether the steps that read a table evaluate its computed columns within their own expressions
   * ({@link SourceRows}): only if its source's rows are not its rows ({@link SourceLayout#computed}) and
   * each column gives the same value however often it is evaluated.
   */
  private boolean computedByReaders(SourceLayout layout) {
    return layout.computed() && layout.columns().stream().allMatch(RexUtil::isDeterministic)
        && config.get(CodegenOptions.CODEGEN_ENABLED);
  }

  /**
   * Whether {@code source} makes {@code table}'s watermarks in its reader, which saves the step after it:
   * where it can, and where the strategy reads the rows the source gives (its fields, and the computed
   * columns evaluated from them), not those of a step that computes all columns first.
   */
  private boolean pushesWatermark(CatalogTable table, ScanTableSource source, SourceLayout layout) {
    return table.getWatermarkSpec() != null && !DataStreamTableSource.isSourceWatermark(table.getWatermarkSpec())
        && source instanceof SupportsWatermarkPushDown && (computedByReaders(layout) || !layout.computed());
  }

  /**
   * The strategy of {@code table}'s {@code WATERMARK} clause over rows whose fields give its columns as
   * {@code columns} do: a bounded delay behind the rowtime where the clause is one, its expression otherwise.
   */
  private WatermarkStrategy<Row> watermarkStrategy(CatalogTable table, RelDataType fullType, List<RexNode> columns) {
    SourceRows over = new SourceRows(null, columns, false);
    int rowtime = fullType.getFieldNames().indexOf(table.getWatermarkSpec().rowtimeAttribute());
    RexNode watermarkExpression = planner.toRex(new SqlText(table.getWatermarkSpec().expression(), 1, 1), fullType);
    long delay = WatermarkDelays.of(watermarkExpression, rowtime);
    // The rowtime column over the rows the watermark step sees: a field, or a computed column's expression.
    RexNode rowtimeColumn = columns.get(rowtime);
    int rowtimeField = rowtimeColumn instanceof RexInputRef field ? field.getIndex() : rowtime;
    RowtimeWatermarks watermarks = delay >= 0 ? RowtimeWatermarks.boundedDelay(rowtimeField, delay)
        : new RowtimeWatermarks(rowtimeField, compiler.compile(over.overRows(watermarkExpression)));
    if (!(rowtimeColumn instanceof RexInputRef)) {
      watermarks = watermarks.computedBy(compiledExpr(rowtimeColumn));
    }
    RowtimeWatermarks assigned = watermarks;
    WatermarkStrategy<Row> strategy = WatermarkStrategy.<Row>forGenerator(ctx -> assigned.generator())
        .withTimestampAssigner(assigned.timestampAssigner());
    Duration idleTimeout = config.get(TableConfigOptions.TABLE_EXEC_SOURCE_IDLE_TIMEOUT);
    return idleTimeout.isZero() ? strategy : strategy.withIdleness(idleTimeout);
  }

  /** {@code node} as an expression: a generated class unless the session switched code generation off. */
  private Expr compiledExpr(RexNode node) {
    if (!config.get(CodegenOptions.CODEGEN_ENABLED)) {
      return compiler.compile(node);
    }
    GeneratedCalcCode code = CalcCodeGenerator.generateExpr(compiler, node);
    // Compiled here once, as for calcs, so that a bug in the generator fails the planning, not the tasks.
    GeneratedClasses.compile(classLoader != null ? classLoader : StreamTranslator.class.getClassLoader(),
        code.className(), code.source());
    return new GeneratedExpr(code);
  }

  long miniBatchLatencyMillis() {
    long latency = config.get(TableConfigOptions.TABLE_EXEC_MINIBATCH_ALLOW_LATENCY).toMillis();
    if (latency <= 0) {
      throw new ValidationException("'table.exec.mini-batch.allow-latency' must be more than 0 when"
          + " 'table.exec.mini-batch.enabled' is true, for example '2 s'");
    }
    return latency;
  }

  long miniBatchSize() {
    long size = config.get(TableConfigOptions.TABLE_EXEC_MINIBATCH_SIZE);
    if (size <= 0) {
      throw new ValidationException("'table.exec.mini-batch.size' must be more than 0 when"
          + " 'table.exec.mini-batch.enabled' is true, for example '5000'");
    }
    return size;
  }

  /** {@code table.exec.sink.upsert-materialize}: when upsert sinks get their changes materialized by key. */
  TableConfigOptions.UpsertMaterialize upsertMaterialize() {
    return config.get(TableConfigOptions.SINK_UPSERT_MATERIALIZE);
  }

  /** {@code table.exec.state.ttl} in milliseconds, for the state of operators that keep rows or aggregates per key. */
  long stateRetentionMillis() {
    return config.get(TableConfigOptions.IDLE_STATE_RETENTION).toMillis();
  }

  static RowTypeInfo rowTypeInfo(RelDataType type) {
    return TypeInfos.ofRow((RowType) SpateTypeFactory.toLogicalType(type));
  }

  /** What a table factory is told about {@code table}: for its source here, for its sink by the caller. */
  public DynamicTableFactory.Context context(CatalogTable table) {
    return new DynamicTableFactory.Context() {
      @Override
      public ObjectIdentifier getObjectIdentifier() {
        return table.getIdentifier();
      }

      @Override
      public CatalogTable getCatalogTable() {
        return table;
      }

      @Override
      public ReadableConfig getConfiguration() {
        return config;
      }

      @Override
      public ClassLoader getClassLoader() {
        return classLoader;
      }

      @Override
      public boolean isTemporary() {
        return false;
      }
    };
  }

}
