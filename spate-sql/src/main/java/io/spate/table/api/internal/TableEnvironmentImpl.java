package io.spate.table.api.internal;

import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import io.spate.table.planner.translate.SplitDistinctAggregation;
import io.spate.api.annotation.Internal;
import io.spate.api.common.JobClient;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.ResultKind;
import io.spate.table.api.SqlParserException;
import io.spate.table.api.Table;
import io.spate.table.api.TableConfig;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableException;
import io.spate.table.api.TableResult;
import io.spate.table.api.ValidationException;
import io.spate.table.api.config.TableConfigOptions;
import io.spate.table.catalog.CatalogBaseTable;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.CatalogView;
import io.spate.table.catalog.Column;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.planner.translate.WritableMetadata;
import io.spate.table.functions.UserDefinedFunction;
import io.spate.table.connector.sink.SinkV2Provider;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.planner.functions.FlinkFunctions;
import io.spate.table.planner.functions.WindowTableFunctions;
import io.spate.table.planner.ResultRowType;
import io.spate.table.planner.translate.ChangelogInference;
import io.spate.table.planner.translate.PlanExplainer;
import io.spate.table.planner.translate.PlanNodeNames;
import io.spate.table.planner.translate.SinkChangelogs;
import io.spate.table.planner.translate.SinkNotNullColumns;
import io.spate.table.planner.translate.TimeAttributes;
import io.spate.table.planner.translate.StreamTranslator;
import io.spate.table.planner.translate.TwoPhaseAggregation;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.VarCharType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;

/**
 * Spate's {@link TableEnvironment}: parses each statement, carries out DDL and session statements
 * on the catalogs and configuration, and plans queries and inserts into DataStream jobs that it
 * submits where {@code StreamExecutionEnvironment.getExecutionEnvironment()} submits them.
 */
@Internal
public final class TableEnvironmentImpl implements TableEnvironment {

  private static final ResolvedSchema STRING_RESULT = ResolvedSchema.physical(List.of("result"),
      List.of(VarCharType.STRING_TYPE));

  private final EnvironmentSettings settings;
  private final TableConfig config = TableConfig.getDefault();
  private final CatalogManager catalogs = new CatalogManager();
  private final FunctionCatalog functions = new FunctionCatalog(catalogs);
  private final SqlPlanner planner = new SqlPlanner(catalogs, functions, config::getLocalTimeZone);
  private final SchemaResolver schemas = new SchemaResolver(planner);
  private final Map<ObjectIdentifier, DataStream<Row>> dataStreams = new LinkedHashMap<>();

  private TableEnvironmentImpl(EnvironmentSettings settings) {
    this.settings = settings;
  }

  /** A table environment with {@code settings}. */
  public static TableEnvironmentImpl create(EnvironmentSettings settings) {
    return new TableEnvironmentImpl(settings);
  }

  @Override
  public TableResult executeSql(String statement) {
    return execute(SqlStatementParser.parseStatement(statement));
  }

  /** Carries out one parsed statement. */
  TableResult execute(ParsedStatement statement) {
    if (statement instanceof ParsedStatement.CreateTable create) {
      ObjectIdentifier id = catalogs.qualify(create.name().parts());
      catalogs.createTable(schemas.resolve(create, id), create.temporary(), create.ifNotExists());
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.CreateView create) {
      ObjectIdentifier id = catalogs.qualify(create.name().parts());
      catalogs.createTable(view(id, create.query(), create.columnNames()), create.temporary(), create.ifNotExists());
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.CreateDatabase create) {
      List<String> parts = create.name().parts();
      if (parts.size() > 2) {
        throw new ValidationException("A database name is [catalog.]database, not '" + create.name() + "'");
      }
      String catalog = parts.size() == 2 ? parts.get(0) : catalogs.getCurrentCatalog();
      catalogs.createDatabase(catalog, create.name().name(), create.comment(), create.ifNotExists());
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.Drop drop) {
      return drop(drop);
    }
    if (statement instanceof ParsedStatement.AlterTableOptions alter) {
      ObjectIdentifier id = catalogs.qualify(alter.name().parts());
      CatalogBaseTable table = catalogs.getTableOrError(id);
      if (!(table instanceof CatalogTable catalogTable)) {
        throw new ValidationException(id.asSummaryString() + " is a view: ALTER TABLE ... SET changes tables");
      }
      Map<String, String> options = new LinkedHashMap<>(catalogTable.getOptions());
      options.putAll(alter.set());
      alter.resetKeys().forEach(options::remove);
      catalogs.alterTable(catalogTable.withOptions(options));
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.AlterRename rename) {
      return rename(rename);
    }
    if (statement instanceof ParsedStatement.Use use) {
      if (use.catalog()) {
        catalogs.setCurrentCatalog(use.name().name());
      } else if (use.name().parts().size() == 2) {
        catalogs.setCurrentCatalog(use.name().parts().get(0));
        catalogs.setCurrentDatabase(use.name().name());
      } else {
        catalogs.setCurrentDatabase(use.name().name());
      }
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.Show show) {
      return show(show);
    }
    if (statement instanceof ParsedStatement.Describe describe) {
      return describe(catalogs.qualify(describe.name().parts()));
    }
    if (statement instanceof ParsedStatement.Set set) {
      if (set.key() == null) {
        List<Row> rows = new ArrayList<>();
        config.toMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> rows.add(Row.of(e.getKey(), e.getValue())));
        return TableResultImpl.ofRows(ResolvedSchema.physical(List.of("key", "value"),
            List.of(VarCharType.STRING_TYPE, VarCharType.STRING_TYPE)), rows);
      }
      config.set(set.key(), set.value());
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.Reset reset) {
      if (reset.key() == null) {
        config.resetAll();
      } else {
        config.reset(reset.key());
      }
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.Query query) {
      return executeQuery(query.text());
    }
    if (statement instanceof ParsedStatement.Insert insert) {
      return executeInserts(List.of(insert));
    }
    if (statement instanceof ParsedStatement.StatementSet set) {
      return executeInserts(set.inserts());
    }
    if (statement instanceof ParsedStatement.Execute execute) {
      return execute(execute.executed());
    }
    if (statement instanceof ParsedStatement.Explain explain) {
      return TableResultImpl.ofRows(STRING_RESULT, List.of(Row.of(explain(explain.explained(), explain.details()))));
    }
    if (statement instanceof ParsedStatement.StopJob) {
      throw new TableException("STOP JOB is a statement of the SQL client (./spate sql); from a program, stop the"
          + " job through TableResult.getJobClient()");
    }
    if (statement instanceof ParsedStatement.CreateFunction create) {
      UserDefinedFunction function = FunctionCatalog.instantiate(create.className(),
          Thread.currentThread().getContextClassLoader());
      if (create.system()) {
        functions.createTemporarySystemFunction(create.name().name(), function, create.ifNotExists());
      } else {
        functions.createFunction(create.name().parts(), function, create.temporary(), create.ifNotExists());
      }
      return TableResultImpl.OK;
    }
    if (statement instanceof ParsedStatement.Unsupported unsupported) {
      throw new TableException("Spate SQL does not support " + unsupported.feature() + " yet (at "
          + unsupported.text().positionOf(0) + ")");
    }
    throw new TableException("Spate SQL cannot run the statement at " + statement.text().positionOf(0) + " yet");
  }

  private TableResult drop(ParsedStatement.Drop drop) {
    switch (drop.kind()) {
      case TABLE:
      case VIEW:
        catalogs.dropTable(catalogs.qualify(drop.name().parts()), drop.kind() == ParsedStatement.ObjectKind.VIEW,
            drop.temporary(), drop.ifExists());
        return TableResultImpl.OK;
      case DATABASE: {
        List<String> parts = drop.name().parts();
        String catalog = parts.size() == 2 ? parts.get(0) : catalogs.getCurrentCatalog();
        catalogs.dropDatabase(catalog, drop.name().name(), drop.ifExists(), false);
        return TableResultImpl.OK;
      }
      case FUNCTION:
        if (drop.system()) {
          functions.dropTemporarySystemFunction(drop.name().name(), drop.ifExists());
        } else {
          functions.dropFunction(drop.name().parts(), drop.temporary(), drop.ifExists());
        }
        return TableResultImpl.OK;
      default:
        throw new TableException("Spate SQL does not support DROP " + drop.kind() + " yet");
    }
  }

  private TableResult rename(ParsedStatement.AlterRename rename) {
    ObjectIdentifier id = catalogs.qualify(rename.name().parts());
    ObjectIdentifier target = catalogs.qualify(rename.newName().parts());
    CatalogBaseTable table = catalogs.getTableOrError(id);
    boolean temporary = catalogs.isTemporary(id);
    CatalogBaseTable renamed = table instanceof CatalogTable t ? t.withIdentifier(target)
        : new CatalogView(target, ((CatalogView) table).getOriginalQuery(), ((CatalogView) table).getExpandedQuery(),
            table.getRowType(), table.getComment());
    catalogs.createTable(renamed, temporary, false);
    catalogs.dropTable(id, CatalogManager.isView(table), temporary, false);
    return TableResultImpl.OK;
  }

  private TableResult show(ParsedStatement.Show show) {
    switch (show.kind()) {
      case TABLES:
        return names("table name", catalogs.listTables(false));
      case VIEWS:
        return names("view name", catalogs.listTables(true));
      case FUNCTIONS:
        return names("function name", allFunctionNames());
      case USER_FUNCTIONS:
        return names("function name", functions.userFunctionNames());
      case DATABASES:
        return names("database name", catalogs.listDatabases());
      case CATALOGS:
        return names("catalog name", catalogs.listCatalogs());
      case CURRENT_CATALOG:
        return names("current catalog name", List.of(catalogs.getCurrentCatalog()));
      case CURRENT_DATABASE:
        return names("current database name", List.of(catalogs.getCurrentDatabase()));
      case COLUMNS:
        return describe(catalogs.qualify(show.name().parts()));
      case CREATE_TABLE:
      case CREATE_VIEW: {
        CatalogBaseTable table = catalogs.getTableOrError(catalogs.qualify(show.name().parts()));
        return TableResultImpl.ofRows(STRING_RESULT, List.of(Row.of(ShowCreate.of(table))));
      }
      default:
        throw new TableException("Spate SQL does not support SHOW " + show.kind().name().replace('_', ' ') + " yet");
    }
  }

  private static TableResult names(String column, List<String> names) {
    List<Row> rows = names.stream().map(Row::of).toList();
    return TableResultImpl.ofRows(ResolvedSchema.physical(List.of(column), List.of(VarCharType.STRING_TYPE)), rows);
  }

  private TableResult describe(ObjectIdentifier id) {
    CatalogBaseTable table = catalogs.getTableOrError(id);
    List<Row> rows = new ArrayList<>();
    if (table instanceof CatalogTable catalogTable) {
      for (Column column : catalogTable.getColumns()) {
        String key = catalogTable.getPrimaryKey().contains(column.getName())
            ? "PRI(" + String.join(", ", catalogTable.getPrimaryKey()) + ")" : null;
        String extras = column instanceof Column.ComputedColumn c ? "AS " + c.expression()
            : column instanceof Column.MetadataColumn m ? "METADATA FROM '" + m.key() + "'" + (m.virtual() ? " VIRTUAL" : "")
            : null;
        String watermark = catalogTable.getWatermarkSpec() != null
            && catalogTable.getWatermarkSpec().rowtimeAttribute().equals(column.getName())
            ? catalogTable.getWatermarkSpec().expression() : null;
        rows.add(Row.of(column.getName(), column.getType().copy(true).asSummaryString(), column.getType().isNullable(),
            key, extras, watermark));
      }
    } else {
      RowType type = table.getRowType();
      // A view's time attributes, as a query of it shows them (a window table function's rows have two).
      List<LogicalType> marked = table instanceof CatalogView
          ? sqlQuery("SELECT * FROM " + id.asSerializableString()).getResolvedSchema().getColumnTypes()
          : type.getChildren();
      for (int i = 0; i < type.getFieldCount(); i++) {
        LogicalType fieldType = type.getTypeAt(i);
        rows.add(Row.of(type.getFieldNames().get(i), marked.get(i).copy(true).asSummaryString(),
            fieldType.isNullable(), null, null, null));
      }
    }
    LogicalType string = VarCharType.STRING_TYPE;
    return TableResultImpl.ofRows(ResolvedSchema.physical(List.of("name", "type", "null", "key", "extras", "watermark"),
        List.of(string, string, new io.spate.table.types.logical.BooleanType(), string, string, string)), rows);
  }

  private CatalogView view(ObjectIdentifier id, SqlText query, List<String> columnNames) {
    SqlNode node = planner.parse(query);
    RelRoot root = planner.toRel(node);
    RowType type = ResultRowType.of(root);
    if (columnNames.isEmpty()) {
      // As Flink: a view's query names its columns apart itself (a result's url0 is no name a user gave).
      Set<String> seen = new HashSet<>();
      for (Map.Entry<Integer, String> field : root.fields) {
        if (!seen.add(field.getValue())) {
          throw new ValidationException("View " + id.asSummaryString() + " has two columns named `"
              + field.getValue() + "`: give its query's columns distinct names (AS) or list the view's column names");
        }
      }
    } else {
      if (columnNames.size() != type.getFieldCount()) {
        throw new ValidationException("View " + id.asSummaryString() + " names " + columnNames.size()
            + " columns, but its query gives " + type.getFieldCount());
      }
      List<RowType.RowField> fields = new ArrayList<>();
      for (int i = 0; i < columnNames.size(); i++) {
        fields.add(new RowType.RowField(columnNames.get(i), type.getTypeAt(i)));
      }
      type = new RowType(false, fields);
    }
    String expanded = node.toSqlString(SPATE_DIALECT).getSql();
    if (!columnNames.isEmpty()) {
      StringBuilder aliases = new StringBuilder();
      for (String name : columnNames) {
        aliases.append(aliases.length() == 0 ? "" : ", ").append('`').append(name.replace("`", "``")).append('`');
      }
      expanded = "SELECT * FROM (" + expanded + ") AS `v` (" + aliases + ")";
    }
    return new CatalogView(id, query.text(), expanded, type, null);
  }

  /** Calcite's ANSI dialect with Flink's back-quoted identifiers, for the stored text of views. */
  private static final SqlDialect SPATE_DIALECT = new AnsiSqlDialect(AnsiSqlDialect.DEFAULT_CONTEXT
      .withIdentifierQuoteString("`"));

  /** Plans {@code query} and starts its job; the result's iterator gives its rows. */
  TableResult executeQuery(SqlText query) {
    RelRoot root = planner.toRel(query);
    RelNode plan = optimize(root.project());
    StreamExecutionEnvironment env = newEnvironment();
    StreamTranslator translator = translator(env);
    translator.pushProjections(List.of(plan));
    DataStream<Row> rows = translator.translate(plan);
    CloseableIterator<Row> iterator = rows.collectAsync();
    JobClient job = submit(env, "collect");
    ResolvedSchema schema = markedSchemaOf(root, plan);
    CloseableIterator<Row> closing = NamedRows.toExternal(CloseableIterator.adapterForIterator(iterator, () -> {
      iterator.close();
      job.cancel();
    }), schema.getColumnNames(), schema.getColumnTypes());
    return new TableResultImpl(job, schema, ResultKind.SUCCESS_WITH_CONTENT, () -> closing,
        settings.isStreamingMode(), config.getLocalTimeZone());
  }

  /** Plans {@code inserts} into one job (their sources shared where they read the same table) and starts it. */
  TableResult executeInserts(List<ParsedStatement.Insert> inserts) {
    StreamExecutionEnvironment env = newEnvironment();
    return submitInserts(env, translateInserts(env, inserts));
  }

  /** Adds the sinks of {@code inserts} to the next job of {@code env}; gives the sink tables' names. */
  List<String> translateInserts(StreamExecutionEnvironment env, List<ParsedStatement.Insert> inserts) {
    StreamTranslator translator = translator(env);
    List<TableModify> modifies = new ArrayList<>();
    List<RelNode> queries = new ArrayList<>();
    for (ParsedStatement.Insert insert : inserts) {
      RelNode plan = planner.toRel(insert.text()).rel;
      if (!(plan instanceof TableModify modify)) {
        throw new TableException("Not an INSERT: " + insert.text());
      }
      modifies.add(modify);
      queries.add(optimize(modify.getInput()));
    }
    // All queries first: a source that several of them share gives the fields any of them reads.
    translator.pushProjections(queries);
    List<String> sinkNames = new ArrayList<>();
    for (int i = 0; i < modifies.size(); i++) {
      CatalogTable table = modifies.get(i).getTable().unwrap(CatalogTable.class);
      RelNode query = queries.get(i);
      io.spate.table.planner.translate.RecordTimestamps.requireOneRowtime(query,
          table.getIdentifier().asSummaryString());
      DynamicTableSink sink = FactoryUtil.createDynamicTableSink(translator.context(table));
      DataStream<Row> rows = SinkChangelogs.fit(translator.translate(query), query, translator,
          sink.getChangelogMode(translator.changelogMode(query)), table);
      rows = SinkNotNullColumns.apply(rows, query, table, config.get(TableConfigOptions.SINK_NOT_NULL_ENFORCER));
      rows = WritableMetadata.apply(table, sink, rows);
      DynamicTableSink.SinkRuntimeProvider provider = sink.getSinkRuntimeProvider(() -> false);
      String name = "Sink: " + table.getIdentifier().getObjectName();
      if (provider instanceof SinkV2Provider sinkProvider) {
        rows.sinkTo(sinkProvider.createSink()).name(name);
      } else if (provider instanceof DynamicTableSink.DataStreamSinkProvider streamProvider) {
        streamProvider.consumeDataStream(rows, name);
      } else {
        throw new TableException("Unknown sink provider " + provider.getClass().getName() + " of table "
            + table.getIdentifier().asSummaryString());
      }
      sinkNames.add(table.getIdentifier().asSummaryString());
    }
    return sinkNames;
  }

  private TableResult submitInserts(StreamExecutionEnvironment env, List<String> sinkNames) {
    JobClient job = submit(env, "insert-into_" + String.join(",", sinkNames));
    if (config.get(TableConfigOptions.TABLE_DML_SYNC)) {
      try {
        job.getJobExecutionResult().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TableException("Interrupted while waiting for the INSERT's job", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new TableException("The INSERT's job failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
    List<LogicalType> counts = sinkNames.stream().map(n -> (LogicalType) new BigIntType(false)).toList();
    ResolvedSchema schema = ResolvedSchema.physical(sinkNames, counts);
    Object[] unknown = sinkNames.stream().map(n -> (Object) (-1L)).toArray();
    return new TableResultImpl(job, schema, ResultKind.SUCCESS_WITH_CONTENT,
        () -> CloseableIterator.adapterForIterator(List.of(Row.of(unknown)).iterator()), false,
        config.getLocalTimeZone());
  }

  private String explain(ParsedStatement statement, Set<ExplainDetail> details) {
    StringBuilder out = new StringBuilder();
    List<SqlText> texts = new ArrayList<>();
    if (statement instanceof ParsedStatement.Query query) {
      texts.add(query.text());
    } else if (statement instanceof ParsedStatement.Insert insert) {
      texts.add(insert.text());
    } else if (statement instanceof ParsedStatement.StatementSet set) {
      set.inserts().forEach(i -> texts.add(i.text()));
    } else {
      throw new TableException("EXPLAIN explains a query, an INSERT or a statement set");
    }
    out.append("== Abstract Syntax Tree ==\n");
    List<RelNode> plans = new ArrayList<>();
    for (SqlText text : texts) {
      RelNode plan = planner.toRel(text).project();
      plans.add(plan);
      out.append(org.apache.calcite.plan.RelOptUtil.toString(plan));
    }
    out.append("\n== Optimized Logical Plan ==\n");
    StreamTranslator translator = translator(newEnvironment());
    ChangelogInference changelog = details.contains(ExplainDetail.CHANGELOG_MODE) ? translator.changelog() : null;
    List<RelNode> optimized = plans.stream().map(plan -> TwoPhaseAggregation.rewrite(optimize(plan), config)).toList();
    translator.pushProjections(optimized);
    for (RelNode plan : optimized) {
      out.append(PlanExplainer.explain(plan, changelog, translator::pushedIntoSource));
    }
    return out.toString();
  }

  /**
   * {@code plan} after the planner's logical rewrites and the optimizations the session's options ask
   * for; distinct aggregates split in streaming mode only, as in Flink.
   */
  private RelNode optimize(RelNode plan) {
    RelNode rewritten = planner.rewrite(plan);
    boolean streaming = settings.isStreamingMode() && config.get(CoreOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH;
    return streaming ? SplitDistinctAggregation.rewrite(rewritten, config) : rewritten;
  }

  private static ResolvedSchema schemaOf(RelRoot root) {
    RowType type = ResultRowType.of(root);
    return ResolvedSchema.physical(type.getFieldNames(), type.getChildren());
  }

  /** The schema of {@code root} with the time attributes of {@code plan}, its optimized plan, marked. */
  private static ResolvedSchema markedSchemaOf(RelRoot root, RelNode plan) {
    ResolvedSchema schema = schemaOf(root);
    return ResolvedSchema.physical(schema.getColumnNames(), TimeAttributes.marked(plan, schema.getColumnTypes()));
  }

  private StreamTranslator translator(StreamExecutionEnvironment env) {
    return new StreamTranslator(env, planner, config, config.getLocalTimeZone(),
        Thread.currentThread().getContextClassLoader(), dataStreams);
  }

  private StreamExecutionEnvironment newEnvironment() {
    Configuration configuration = new Configuration(config.getConfiguration());
    if (!settings.isStreamingMode()) {
      configuration.set(CoreOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    }
    return StreamExecutionEnvironment.getExecutionEnvironment(configuration);
  }

  private static JobClient submit(StreamExecutionEnvironment env, String name) {
    try {
      return env.executeAsync(name);
    } catch (Exception e) {
      throw new TableException("Could not submit the job of the statement: " + e.getMessage(), e);
    }
  }

  /**
   * Registers {@code stream} as the temporary table {@code path}: its columns from its type and
   * {@code schema} (see {@link DataStreamTables}), holding changes of {@code mode}.
   */
  void registerDataStream(String path, DataStream<?> stream, io.spate.table.api.Schema schema,
      io.spate.table.connector.ChangelogMode mode) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    DataStreamTables.DataStreamTable table = new DataStreamTables(schemas, config.getLocalTimeZone())
        .resolve(id, stream, schema, mode);
    catalogs.createTable(table.table(), true, false);
    dataStreams.put(id, table.rows());
  }

  /**
   * The rows of {@code table} as a stream of {@code env}'s job; with {@code insertOnly} a query
   * that updates its results is refused, naming the updating part.
   */
  DataStream<Row> toStream(StreamExecutionEnvironment env, Table table, boolean insertOnly) {
    RelNode plan = optimize(planner.toRel(((TableImpl) table).query()).project());
    StreamTranslator translator = translator(env);
    RelNode updating = translator.changelog().updatingNode(plan);
    if (insertOnly && updating != null) {
      throw new ValidationException("The query's result is a changelog (it has updates or deletes, made by node "
          + PlanNodeNames.describe(updating) + "): convert it with toChangelogStream, not toDataStream");
    }
    translator.pushProjections(List.of(plan));
    return io.spate.table.planner.translate.RecordTimestamps.apply(translator.translate(plan), plan);
  }

  /** The column of {@code table}'s result that is its event-time attribute, or -1 if it has none. */
  int rowtimeColumn(Table table) {
    return io.spate.table.planner.translate.RecordTimestamps.rowtimeField(
        optimize(planner.toRel(((TableImpl) table).query()).project()));
  }

  /** Generated names for tables of DataStreams without a name. */
  private int unnamed;

  /** A fresh name for an unnamed DataStream table. */
  String unnamedTableName() {
    return "UnnamedTable$" + unnamed++;
  }

  /** How many aggregations (aggregate nodes, table aggregates among them) the plan of {@code query} has. */
  int aggregationCount(SqlText query) {
    int[] count = {0};
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof Aggregate) {
          count[0]++;
        }
        super.visit(node, ordinal, parent);
      }
    }.go(planner.toRel(query).rel);
    return count[0];
  }

  /** How many aggregate calls the outermost aggregation of {@code query} makes (0 without one). */
  int groupedAggregateCalls(SqlText query) {
    RelNode node = planner.toRel(query).rel;
    while (node != null && !(node instanceof Aggregate)) {
      node = node.getInputs().size() == 1 ? node.getInput(0) : null;
    }
    return node == null ? 0 : ((Aggregate) node).getAggCallList().size();
  }

  @Override
  public Table sqlQuery(String query) {
    ParsedStatement statement = SqlStatementParser.parseStatement(query);
    if (!(statement instanceof ParsedStatement.Query q)) {
      throw new SqlParserException("sqlQuery takes a query (SELECT, WITH, VALUES), not the statement at "
          + statement.text().positionOf(0) + "; run other statements with executeSql");
    }
    RelRoot root = planner.toRel(q.text());
    // The time attributes as executing the query shows them, which the optimized plan decides (a Top-N's drops them).
    return new TableImpl(this, q.text(), markedSchemaOf(root, optimize(root.project())));
  }

  @Override
  public Table from(String path) {
    List<String> parts = SqlStatementParser.parseName(path);
    ObjectIdentifier id = catalogs.qualify(parts);
    catalogs.getTableOrError(id);
    return sqlQuery("SELECT * FROM " + id.asSerializableString());
  }

  @Override
  public Table from(TableDescriptor descriptor) {
    String name = unnamedTableName();
    createTemporaryTable("`" + name.replace("`", "``") + "`", descriptor);
    return from("`" + name.replace("`", "``") + "`");
  }

  @Override
  public void createTemporaryTable(String path, TableDescriptor descriptor) {
    createFromDescriptor(path, descriptor, true);
  }

  @Override
  public void createTable(String path, TableDescriptor descriptor) {
    createFromDescriptor(path, descriptor, false);
  }

  private void createFromDescriptor(String path, TableDescriptor descriptor, boolean temporary) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    executeSql(descriptor.toDdl(id.asSerializableString(), temporary));
  }

  @Override
  public void createTemporaryView(String path, Table table) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    catalogs.createTable(view(id, ((TableImpl) table).query(), List.of()), true, false);
  }

  @Override
  public String explainSql(String statement, ExplainDetail... extraDetails) {
    return explain(SqlStatementParser.parseStatement(statement), Set.of(extraDetails));
  }

  /** The plan text of {@code query}, with {@code details}. */
  String explainQuery(SqlText query, ExplainDetail... details) {
    return explain(new ParsedStatement.Query(query), Set.of(details));
  }

  @Override
  public TableConfig getConfig() {
    return config;
  }

  @Override
  public String[] listCatalogs() {
    return catalogs.listCatalogs().toArray(new String[0]);
  }

  @Override
  public String[] listDatabases() {
    return catalogs.listDatabases().toArray(new String[0]);
  }

  @Override
  public String[] listTables() {
    return catalogs.listTables(false).toArray(new String[0]);
  }

  @Override
  public String[] listViews() {
    return catalogs.listTables(true).toArray(new String[0]);
  }

  @Override
  public String getCurrentCatalog() {
    return catalogs.getCurrentCatalog();
  }

  @Override
  public String getCurrentDatabase() {
    return catalogs.getCurrentDatabase();
  }

  @Override
  public void useCatalog(String catalog) {
    catalogs.setCurrentCatalog(catalog);
  }

  @Override
  public void useDatabase(String database) {
    catalogs.setCurrentDatabase(database);
  }

  @Override
  public void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> functionClass) {
    functions.createTemporarySystemFunction(name, FunctionCatalog.instantiate(functionClass), false);
  }

  @Override
  public void createTemporarySystemFunction(String name, UserDefinedFunction functionInstance) {
    functions.createTemporarySystemFunction(name, functionInstance, false);
  }

  @Override
  public void createTemporaryFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
    functions.createFunction(SqlStatementParser.parseName(path), FunctionCatalog.instantiate(functionClass), true, false);
  }

  @Override
  public void createTemporaryFunction(String path, UserDefinedFunction functionInstance) {
    functions.createFunction(SqlStatementParser.parseName(path), functionInstance, true, false);
  }

  @Override
  public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
    createFunction(path, functionClass, false);
  }

  @Override
  public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass, boolean ignoreIfExists) {
    functions.createFunction(SqlStatementParser.parseName(path), FunctionCatalog.instantiate(functionClass), false, ignoreIfExists);
  }

  @Override
  public boolean dropTemporarySystemFunction(String name) {
    return functions.dropTemporarySystemFunction(name, true);
  }

  @Override
  public boolean dropTemporaryFunction(String path) {
    return functions.dropFunction(SqlStatementParser.parseName(path), true, true);
  }

  @Override
  public boolean dropFunction(String path) {
    return functions.dropFunction(SqlStatementParser.parseName(path), false, true);
  }

  @Override
  public String[] listUserDefinedFunctions() {
    return functions.userFunctionNames().toArray(new String[0]);
  }

  @Override
  public String[] listFunctions() {
    return allFunctionNames().toArray(new String[0]);
  }

  private List<String> allFunctionNames() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>(functions.userFunctionNames());
    for (org.apache.calcite.sql.SqlOperator operator : SqlOperatorTables.chain(WindowTableFunctions.standardOperators(),
        FlinkFunctions.table()).getOperatorList()) {
      if (operator instanceof org.apache.calcite.sql.SqlFunction && !(operator.getName().isEmpty())) {
        names.add(operator.getName());
      }
    }
    return new ArrayList<>(names);
  }
  // Statement sets, pipelines and the TableEnvironment methods added for them.

  /** The checked INSERTs of Table API inserts and statement sets. */
  InsertStatements insertStatements() {
    return new InsertStatements(catalogs, planner, settings.isStreamingMode());
  }

  /** The plan text of {@code inserts} together, as {@code EXPLAIN STATEMENT SET} gives it. */
  String explainInserts(List<ParsedStatement.Insert> inserts, ExplainDetail... details) {
    SqlText text = new SqlText(String.join(";\n", inserts.stream().map(i -> i.text().text()).toList()), 1, 1);
    return explain(new ParsedStatement.StatementSet(text, inserts), Set.of(details));
  }

  @Override
  public io.spate.table.api.StatementSet createStatementSet() {
    return new StatementSetImpl(this);
  }

  @Override
  public boolean dropTemporaryTable(String path) {
    return dropTemporary(path, false);
  }

  @Override
  public boolean dropTemporaryView(String path) {
    return dropTemporary(path, true);
  }

  private boolean dropTemporary(String path, boolean view) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    if (!catalogs.isTemporary(id) || CatalogManager.isView(catalogs.getTableOrError(id)) != view) {
      return false;
    }
    catalogs.dropTable(id, view, true, false);
    return true;
  }

  @Override
  public boolean dropTable(String path) {
    return dropTable(path, true);
  }

  @Override
  public boolean dropTable(String path, boolean ignoreIfNotExists) {
    return dropPermanent(path, false, ignoreIfNotExists);
  }

  @Override
  public boolean dropView(String path) {
    return dropView(path, true);
  }

  @Override
  public boolean dropView(String path, boolean ignoreIfNotExists) {
    return dropPermanent(path, true, ignoreIfNotExists);
  }

  private boolean dropPermanent(String path, boolean view, boolean ignoreIfNotExists) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    boolean existed = catalogs.getTable(id).isPresent();
    catalogs.dropTable(id, view, false, ignoreIfNotExists);
    return existed;
  }

  @Override
  public String[] listTemporaryTables() {
    return temporaryNames(false);
  }

  @Override
  public String[] listTemporaryViews() {
    return temporaryNames(true);
  }

  private String[] temporaryNames(boolean viewsOnly) {
    return catalogs.listTables(viewsOnly).stream()
        .filter(name -> catalogs.isTemporary(catalogs.qualify(List.of(name)))).toArray(String[]::new);
  }

  @Override
  public void createView(String path, Table view) {
    createView(path, view, false);
  }

  @Override
  public boolean createView(String path, Table view, boolean ignoreIfExists) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    boolean exists = catalogs.getTable(id).isPresent() && !catalogs.isTemporary(id);
    catalogs.createTable(view(id, TableImpl.of(this, view).query(), List.of()), false, ignoreIfExists);
    return !exists;
  }

  @Override
  public boolean createTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    if (ignoreIfExists && catalogs.getTable(id).isPresent() && !catalogs.isTemporary(id)) {
      return false;
    }
    createTable(path, descriptor);
    return true;
  }
  /** Registers the inline functions ({@code call(MyFunction.class, ...)}) that the expression {@code sql} calls. */
  void registerInlineFunctions(String sql) {
    io.spate.table.api.InlineFunctions.calledBy(sql)
        .forEach((name, function) -> functions.createTemporarySystemFunction(name, function, true));
  }

  /** The user-defined function a call by the simple name {@code name} finds, if any. */
  java.util.Optional<UserDefinedFunction> userFunction(String name) {
    return functions.lookupSystem(name).or(() -> functions.lookup(List.of(name)));
  }
}
